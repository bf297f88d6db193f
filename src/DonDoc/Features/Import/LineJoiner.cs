using System.Text;
using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

/// <summary>
/// Puts back together the paragraphs that copying from a PDF or a web page cut: hard wraps mid-sentence,
/// mid-heading ("I. MỤC" / "ĐÍCH, YÊU CẦU"), a label alone on its line ("1." / "Mục đích") and page breaks
/// ("Kế hoạch số" / "77-KH/TU"). A paragraph joins the next line when it does not end a sentence and the next
/// line does not start a label of its own.
/// </summary>
public static partial class LineJoiner
{
    // Words that cannot end a heading or a sentence: a line ending with one was cut.
    private static readonly HashSet<string> Hanging = new(StringComparer.Ordinal)
    {
        "va", "cua", "so", "ngay", "thang", "tai", "theo", "ve", "cho", "voi", "cac", "nhung", "cung", "hoac", "la",
        "de", "tu", "den", "trong", "tren", "duoi", "nhu", "bang", "uy", "bo", "hoi", "hiep", "trung", "van", "chi",
        "ubnd", "thu", "luat", "nghi", "ke", "mat", "lien",
    };

    /// <summary>Longer lines than this were wrapped by width, so a next line in capitals still continues them.</summary>
    private const int WrappedWidth = 55;

    [GeneratedRegex(@"^(?:Nghị quyết|Kết luận|Kế hoạch|Quyết định|Chỉ thị|Quy định|Nghị định|Thông tư|Chương trình|Công văn|Thông báo)\s+số\s")]
    private static partial Regex CitationStartRegex();

    [GeneratedRegex(@"^[-+]\s+\p{Ll}")]
    private static partial Regex DashThenLowerRegex();

    public sealed record Paragraph(string Text, bool Doubtful);

    /// <summary>
    /// How the text marks paragraphs. Most copies put a blank line between paragraphs; when they also wrap lines
    /// by width, the lines of one block are one paragraph and only labels split it. Copies with no blank lines
    /// (or one paragraph per line) leave the decision to the text itself.
    /// </summary>
    private enum Layout { Unmarked, BlankSeparatedWrapped, OneLinePerParagraph }

    private static Layout LayoutOf(List<string> lines)
    {
        var blanks = lines.Count(l => l.Trim().Length == 0);
        var text = lines.Count - blanks;
        if (text == 0 || blanks * 10 < text)
            return Layout.Unmarked;
        var wrapped = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0 && lines[i + 1].Trim().Length > 0)
                wrapped++;
        }
        return wrapped * 3 > text ? Layout.BlankSeparatedWrapped : Layout.OneLinePerParagraph;
    }

    public static List<Paragraph> Join(IEnumerable<string> input)
    {
        var lines = input.ToList();
        var layout = LayoutOf(lines);
        var result = new List<Paragraph>();
        var current = new StringBuilder();
        var lastLine = "";
        var doubtful = false;
        var afterBlank = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                afterBlank = true;
                continue;
            }
            var blank = afterBlank;
            afterBlank = false;
            if (current.Length > 0)
            {
                var join = layout == Layout.BlankSeparatedWrapped && !blank
                    ? BlockJoin(current.ToString(), line)
                    : ShouldJoin(current.ToString(), lastLine, line, allowDoubtful: layout != Layout.BlankSeparatedWrapped);
                if (join == Decision.No)
                {
                    result.Add(new(current.ToString(), doubtful));
                    current.Clear();
                    doubtful = false;
                }
                else
                {
                    current.Append(' ');
                    doubtful |= join == Decision.Doubtful;
                }
            }
            current.Append(line);
            lastLine = line;
        }
        if (current.Length > 0)
            result.Add(new(current.ToString(), doubtful));
        return result;
    }

    private enum Decision { No, Yes, Doubtful }

    /// <summary>Inside a block of a blank-separated copy: one paragraph, unless the line starts a label.</summary>
    private static Decision BlockJoin(string paragraph, string next)
    {
        var labels = Labels.Candidates(paragraph);
        if (labels.Count > 0 && labels[0].Length >= paragraph.Length)
            return Decision.Yes;
        return Labels.StartsWithLabel(next) && !DashThenLowerRegex().IsMatch(next) || next.Contains('\t') ? Decision.No : Decision.Yes;
    }

    private static Decision ShouldJoin(string paragraph, string lastLine, string next, bool allowDoubtful)
    {
        var labels = Labels.Candidates(paragraph);
        if (labels.Count > 0 && labels[0].Length >= paragraph.Length)
            return Decision.Yes; // "1." alone on its line: the label's text follows
        if (Labels.StartsWithLabel(next) && !DashThenLowerRegex().IsMatch(next))
            return Decision.No;
        if (next.StartsWith('\t') || lastLine.Contains('\t') || next.Contains('\t'))
            return Decision.No;
        var end = paragraph.TrimEnd();
        if (VietnameseText.EndsSentence(end) || end.EndsWith(':'))
            return Decision.No;
        var first = next[0];
        if (char.IsLower(first) || char.IsAsciiDigit(first) || DashThenLowerRegex().IsMatch(next))
            return Decision.Yes;
        if (end.EndsWith(',') || end.EndsWith('-') || end.EndsWith('–') || end.EndsWith('“') || end.EndsWith('('))
            return Decision.Yes;
        if (end.EndsWith(';'))
            return Decision.No;
        var lastWord = VietnameseText.Key(LastWord(end));
        if (Hanging.Contains(lastWord))
            return Decision.Yes;
        if (VietnameseText.IsUpper(lastLine) && VietnameseText.IsUpper(next))
            return Decision.Yes;
        if (CitationStartRegex().IsMatch(next))
            return Decision.Yes; // "… triển khai thực hiện" / "Nghị quyết số 21-NQ/TW …"
        return allowDoubtful && lastLine.Length >= WrappedWidth ? Decision.Doubtful : Decision.No;
    }

    /// <summary>True when the line ends with a word that cannot end a phrase ("số", "và", "của").</summary>
    public static bool EndsMidPhrase(string line) => Hanging.Contains(VietnameseText.Key(LastWord(line.TrimEnd())));

    private static string LastWord(string text)
    {
        var i = text.LastIndexOf(' ');
        return i < 0 ? text : text[(i + 1)..];
    }
}
