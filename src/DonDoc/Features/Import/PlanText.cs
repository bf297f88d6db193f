using System.Text;
using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

/// <summary>Cleans copied text into lines: one Unicode form, no invisible characters, no page numbers or running headers.</summary>
public static partial class PlanText
{
    /// <summary>Running headers repeat on every page; a short line seen this often outside a table is one.</summary>
    private const int RunningHeaderRepeats = 3;

    [GeneratedRegex(@"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$|^\d{1,3}\s*/\s*\d{1,3}$")]
    private static partial Regex PageNumberRegex();

    public static List<string> Lines(string text)
    {
        var normalized = VietnameseText.Composed(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\r' or '\0':
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\v' or '\f':
                    sb.Append(c == '\f' ? '\n' : ' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
    }

    /// <summary>The body's lines without page numbers and running headers (tables are taken out before).</summary>
    public static List<string> WithoutPageFurniture(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        var counts = list.Select(l => l.Trim()).Where(IsHeaderCandidate)
            .GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() >= RunningHeaderRepeats)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return list.Where(l => !PageNumberRegex().IsMatch(l.Trim()) && !counts.Contains(l.Trim())).ToList();
    }

    // A line the text runs on from ("Căn cứ Nghị quyết số" / "03/NQ-CP …") or that continues one ("và Công nghệ.")
    // is text, however often it recurs.
    private static bool IsHeaderCandidate(string line) =>
        line.Length is > 3 and <= 80 && !char.IsLower(line[0]) && !Labels.StartsWithLabel(line) && !line.Contains('\t')
        && !LineJoiner.EndsMidPhrase(line);
}
