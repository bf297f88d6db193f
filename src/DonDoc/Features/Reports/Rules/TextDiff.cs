using System.Text.RegularExpressions;

namespace DonDoc.Features.Reports.Rules;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DiffKind>))]
public enum DiffKind { Same, Added, Removed }

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// A readable diff between two submissions of a section: word by word, runs of the same kind merged, so the
/// coordinator sees what a unit changed after a return. Sections are short (pages, not books), so the quadratic
/// longest-common-subsequence table is fine; beyond a bound it falls back to "all removed, all added".
/// </summary>
public static partial class TextDiff
{
    private const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPart> Words(string? before, string? after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        if ((long)a.Length * b.Length > MaxCells)
            return Merge([.. a.Select(t => new DiffPart(DiffKind.Removed, t)), .. b.Select(t => new DiffPart(DiffKind.Added, t))]);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { parts.Add(new(DiffKind.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) parts.Add(new(DiffKind.Removed, a[x++]));
            else parts.Add(new(DiffKind.Added, b[y++]));
        }
        parts.AddRange(a[x..].Select(t => new DiffPart(DiffKind.Removed, t)));
        parts.AddRange(b[y..].Select(t => new DiffPart(DiffKind.Added, t)));
        return Merge(parts);
    }

    /// <summary>The words of a section's text, its HTML tags and entities reduced to plain text.</summary>
    public static string PlainText(string? html) =>
        System.Net.WebUtility.HtmlDecode(Tag().Replace(BlockEnd().Replace(html ?? "", "\n"), "")).Trim();

    private static string[] Tokens(string? html) =>
        Space().Split(PlainText(html)).Where(t => t.Length > 0).ToArray();

    private static List<DiffPart> Merge(IEnumerable<DiffPart> parts)
    {
        var merged = new List<DiffPart>();
        foreach (var p in parts)
        {
            if (merged.Count > 0 && merged[^1].Kind == p.Kind)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + " " + p.Text };
            else
                merged.Add(p);
        }
        return merged;
    }

    [GeneratedRegex(@"</(p|li|h\d|div)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
