namespace DonDoc.Features.Import;

/// <summary>An item of the plan while the tree is built: its label and its paragraphs (the first is its own).</summary>
public sealed class DraftNode(Label label, string firstParagraph)
{
    public Label Label { get; } = label;
    public List<string> Paragraphs { get; } = [firstParagraph];
    public List<DraftNode> Children { get; } = [];
    public DraftNode? Parent { get; set; }
    public string Path { get; set; } = "";
}

/// <summary>
/// Nests items by their numbering, not their indentation: the first scheme seen at a level defines that level
/// (Roman, then Arabic, then 1.1, then letters, then bullets is usual, but the document's order decides).
/// A label that breaks its scheme's sequence ("5." right after "1.") is text, not a new item; paragraphs with
/// no label of their own belong to the item before them.
/// </summary>
public static class TreeBuilder
{
    /// <summary>How many numbers a document may skip and still be read as the next item ("2." then "4.").</summary>
    private const int MaxSkip = 3;

    public static (List<DraftNode> Roots, List<string> Preamble) Build(IEnumerable<string> paragraphs)
    {
        var roots = new List<DraftNode>();
        var preamble = new List<string>();
        var stack = new List<DraftNode>();
        foreach (var paragraph in paragraphs)
        {
            var (label, level) = Place(paragraph, stack);
            if (label is null)
            {
                if (stack.Count == 0)
                    preamble.Add(paragraph);
                else
                    stack[^1].Paragraphs.Add(paragraph);
                continue;
            }
            stack.RemoveRange(level, stack.Count - level);
            var node = new DraftNode(label, paragraph[label.Length..].Trim());
            if (level == 0)
                roots.Add(node);
            else
            {
                node.Parent = stack[level - 1];
                stack[level - 1].Children.Add(node);
            }
            stack.Add(node);
        }
        AssignPaths(roots, "");
        return (roots, preamble);
    }

    /// <summary>The label the paragraph starts with and the stack level it goes to, or (null, 0) for plain text.</summary>
    private static (Label?, int) Place(string paragraph, List<DraftNode> stack)
    {
        foreach (var label in Labels.Candidates(paragraph))
        {
            var level = stack.FindIndex(n => n.Label.Key == label.Key);
            if (level >= 0)
            {
                var previous = stack[level].Label.Ordinal;
                if (!label.IsOrdered || label.Ordinal > previous && label.Ordinal <= previous + MaxSkip)
                    return (label, level);
                continue;
            }
            if (label.IsOrdered && label.Ordinal != 1 && stack.Count > 0)
                continue;
            if (!label.IsOrdered && stack.Count == 0)
                return (null, 0); // a list before the first heading is the preamble's

            var depth = stack.Count;
            // Numbered items never hang under a bullet: the bullets before them were the parent's own list.
            if (label.IsOrdered)
                while (depth > 0 && !stack[depth - 1].Label.IsOrdered)
                    depth--;
            return (label, depth);
        }
        return (null, 0);
    }

    private static void AssignPaths(List<DraftNode> nodes, string prefix)
    {
        var bullets = new Dictionary<string, int>();
        foreach (var node in nodes)
        {
            var label = node.Label.Text;
            if (node.Label.Scheme == LabelScheme.Bullet)
            {
                bullets[label] = bullets.GetValueOrDefault(label) + 1;
                label += bullets[label];
            }
            node.Path = prefix.Length == 0 ? label : prefix + "." + label;
            AssignPaths(node.Children, node.Path);
        }
    }

    public static IEnumerable<DraftNode> Walk(IEnumerable<DraftNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in Walk(node.Children))
                yield return child;
        }
    }
}
