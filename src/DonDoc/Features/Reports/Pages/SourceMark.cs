using System.Net;
using System.Text.RegularExpressions;

namespace DonDoc.Features.Reports.Pages;

/// <summary>
/// A unit's passage copied into the province's text keeps its source: every paragraph and list item is marked with
/// the unit (<c>data-source-unit</c>), unless it already names the unit it came from.
/// </summary>
public static partial class SourceMark
{
    public static string Mark(string html, string unitName)
    {
        var attribute = $" data-source-unit=\"{WebUtility.HtmlEncode(unitName)}\"";
        var text = html.Trim();
        if (text.Length == 0)
            return "";
        if (!text.StartsWith('<'))
            text = $"<p>{text}</p>";
        return Block().Replace(text, m => m.Value.Contains("data-source-unit", StringComparison.Ordinal) ? m.Value : $"<{m.Groups[1].Value}{attribute}{m.Groups[2].Value}>");
    }

    [GeneratedRegex(@"<(p|li)(\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex Block();
}
