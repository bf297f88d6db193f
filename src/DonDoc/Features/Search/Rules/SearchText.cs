using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DonDoc.Features.Import;

namespace DonDoc.Features.Search.Rules;

/// <summary>
/// How text is matched: folded (<see cref="VietnameseText.Fold"/>: lower-case, no tones or marks, đ as d), cut into
/// words of letters and digits, and a query word matches the start of a word. The index stores the folded words
/// between spaces, so the databases need no Vietnamese of their own and a user's quotes, stars or percent signs
/// never reach them as syntax: they are separators here.
/// </summary>
public static class SearchText
{
    public const int MinQueryLength = 2;
    public const int MaxTerms = 8;
    private const int MaxTermLength = 40;

    public const string TooShort = "Nhập ít nhất 2 chữ cái hoặc chữ số để tìm, ví dụ \"tố cáo\" hoặc \"to cao\".";

    // Only the marks this class adds are raw; Vietnamese letters are left readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text as it is stored for display: composed (NFC), so a folded position is a position in it.</summary>
    public static string Clean(string? text) =>
        string.Join(' ', VietnameseText.Composed(text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The folded words of the text between single spaces, with a space at each end: " to cao dang ".</summary>
    public static string Key(string? text)
    {
        var sb = new StringBuilder(" ");
        foreach (var word in FoldedWords(Clean(text)))
            sb.Append(word).Append(' ');
        return sb.ToString();
    }

    /// <summary>The distinct folded words of a query, the first <see cref="MaxTerms"/> of them.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        FoldedWords(Clean(query)).Select(w => w.Length > MaxTermLength ? w[..MaxTermLength] : w).Distinct().Take(MaxTerms).ToList();

    /// <summary>A query is worth running once one of its words has two characters; a lone letter matches half the province.</summary>
    public static bool IsSearchable(IReadOnlyList<string> terms) => terms.Any(t => t.Length >= MinQueryLength);

    /// <summary>An FTS5 query: every term as a quoted prefix, all required. Terms hold only letters and digits.</summary>
    public static string FtsQuery(IReadOnlyList<string> terms) => string.Join(" AND ", terms.Select(t => $"\"{t}\"*"));

    /// <summary>A LIKE pattern matching a word of a <see cref="Key"/> that starts with the term.</summary>
    public static string LikePattern(string term) => $"% {term}%";

    /// <summary>The parts of the text whose words start with a term, as (start, length) in the text.</summary>
    public static List<(int Start, int Length)> Matches(string text, IReadOnlyList<string> terms)
    {
        var folded = VietnameseText.Fold(text);
        var found = new List<(int, int)>();
        foreach (var (start, length) in WordSpans(folded))
        {
            var word = folded.Substring(start, length);
            var longest = terms.Where(t => word.StartsWith(t, StringComparison.Ordinal)).Select(t => t.Length).DefaultIfEmpty(0).Max();
            if (longest > 0)
                found.Add((start, longest));
        }
        return found;
    }

    /// <summary>The text HTML-encoded with the matched parts in &lt;mark&gt;.</summary>
    public static string Highlight(string text, IReadOnlyList<string> terms)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var (start, length) in Matches(text, terms))
        {
            sb.Append(Encoder.Encode(text[at..start])).Append("<mark>").Append(Encoder.Encode(text.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        return sb.Append(Encoder.Encode(text[at..])).ToString();
    }

    /// <summary>About <paramref name="length"/> characters of the text around its first match, cut at spaces.</summary>
    public static string Snippet(string text, IReadOnlyList<string> terms, int length = 240)
    {
        if (text.Length <= length)
            return text;
        var first = Matches(text, terms).Select(m => m.Start).DefaultIfEmpty(0).First();
        var from = Math.Max(0, Math.Min(first - length / 4, text.Length - length));
        if (from > 0 && text.IndexOf(' ', from) is var space and >= 0 && space < first)
            from = space + 1;
        var to = Math.Min(text.Length, from + length);
        if (to < text.Length && text.LastIndexOf(' ', to) is var end && end > Math.Max(from, first))
            to = end;
        return (from > 0 ? "…" : "") + text[from..to].Trim() + (to < text.Length ? "…" : "");
    }

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static IEnumerable<string> FoldedWords(string text)
    {
        var folded = VietnameseText.Fold(text);
        return WordSpans(folded).Select(w => folded.Substring(w.Start, w.Length));
    }

    private static IEnumerable<(int Start, int Length)> WordSpans(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
