using System.Text.RegularExpressions;

namespace DonDoc.Demo;

/// <summary>A numbered item of the seed plan as written: its label, the heading line of an item with sub-items, its text.</summary>
public sealed record SeedNode(string Label, string? Heading, string Text, IReadOnlyList<SeedNode> Children);

/// <summary>
/// The seed plan (a copy of ../shared/seed/ke-hoach-thuc-hien-nq-30-nq-cp.txt embedded in the app) read into its
/// title, numbered tree, recipients and signature block. It reads this one document's layout, one paragraph a
/// line; it is no general reader of plan texts.
/// </summary>
public sealed partial record SeedPlanText(string Title, IReadOnlyList<SeedNode> Sections, IReadOnlyList<string> Recipients,
    IReadOnlyList<string> SignatureLines, string Signer)
{
    private const string ResourceName = "DonDoc.Demo.ke-hoach-thuc-hien-nq-30-nq-cp.txt";

    [GeneratedRegex(@"^(?<label>[IVX]+)\.\s+(?<text>.+)$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?<label>\d+)\.\s+(?<text>.+)$")]
    private static partial Regex Item();

    [GeneratedRegex(@"^(?:(?<label>[a-zđ])\)|(?<label>-))\s+(?<text>.+)$")]
    private static partial Regex SubItem();

    public static SeedPlanText Load()
    {
        using var stream = typeof(SeedPlanText).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static SeedPlanText Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var kind = Array.IndexOf(lines, "KẾ HOẠCH");
        var body = Array.FindIndex(lines, l => l.StartsWith("I. ", StringComparison.Ordinal));
        var closing = Array.FindIndex(lines, l => l.StartsWith("Trên đây là", StringComparison.Ordinal));
        var recipients = Array.IndexOf(lines, "Nơi nhận:");
        if (kind < 0 || body < 0 || closing < body || recipients < closing)
            throw new FormatException("The seed plan's layout is not the expected one.");

        var signature = lines.Skip(recipients + 1).SkipWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).ToArray();
        return new SeedPlanText(
            Title: lines[kind + 1].TrimEnd(',', ' '),
            Sections: ParseTree(lines[body..closing]),
            Recipients: [.. lines.Skip(recipients + 1).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..])],
            SignatureLines: signature[..^1],
            Signer: signature[^1]);
    }

    private sealed class Draft(int level, string label, string firstParagraph)
    {
        public int Level { get; } = level;
        public List<string> Paragraphs { get; } = [firstParagraph];
        public List<Draft> Children { get; } = [];

        /// <summary>The heading of a section or item is its first line when more follows: sub-items or paragraphs.</summary>
        public SeedNode ToNode() => Level < 3 && (Children.Count > 0 || Paragraphs.Count > 1)
            ? new SeedNode(label, Paragraphs[0], string.Join("\n", Paragraphs.Skip(1)), [.. Children.Select(c => c.ToNode())])
            : new SeedNode(label, null, string.Join("\n", Paragraphs), [.. Children.Select(c => c.ToNode())]);
    }

    private static List<SeedNode> ParseTree(string[] lines)
    {
        var sections = new List<Draft>();
        Draft? current = null;
        var open = new Draft?[4];
        foreach (var line in lines)
        {
            var (level, match) = Section().Match(line) is { Success: true } s ? (1, s)
                : Item().Match(line) is { Success: true } i ? (2, i)
                : SubItem().Match(line) is { Success: true } x ? (3, x)
                : (0, null);
            if (match is null)
            {
                if (current is null)
                    throw new FormatException($"Text before the first section: {line}");
                // A paragraph that stops without punctuation was cut by a page break: the next line carries on its sentence.
                var last = current.Paragraphs[^1];
                if (char.IsLetterOrDigit(last[^1]))
                    current.Paragraphs[^1] = last + " " + line;
                else
                    current.Paragraphs.Add(line);
                continue;
            }
            current = new Draft(level, match.Groups["label"].Value, match.Groups["text"].Value);
            if (level == 1)
                sections.Add(current);
            else
                (open[level - 1] ?? throw new FormatException($"Item without a parent: {line}")).Children.Add(current);
            open[level] = current;
            for (var deeper = level + 1; deeper < open.Length; deeper++)
                open[deeper] = null;
        }
        return [.. sections.Select(d => d.ToNode())];
    }
}
