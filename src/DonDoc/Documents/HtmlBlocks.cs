using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DonDoc.Documents;

/// <summary>
/// Sanitised rich text (paragraphs, emphasis, lists, simple tables) as the writer's blocks, so what people typed in
/// the browser comes out in the decree's paragraph format rather than as pasted HTML.
/// </summary>
public static class HtmlBlocks
{
    private static readonly HtmlParser Parser = new();

    public static IEnumerable<Block> From(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            yield break;
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        var loose = new List<Inline>();
        foreach (var node in body.ChildNodes)
        {
            if (node is IElement { LocalName: "p" or "ul" or "ol" or "table" or "blockquote" or "div" } element)
            {
                if (Flush(loose) is { } pending)
                    yield return pending;
                foreach (var block in FromElement(element))
                    yield return block;
            }
            else
            {
                loose.AddRange(Inlines(node, false, false));
            }
        }
        if (Flush(loose) is { } last)
            yield return last;
    }

    private static IEnumerable<Block> FromElement(IElement element)
    {
        switch (element.LocalName)
        {
            case "ul" or "ol":
                foreach (var li in element.Children.Where(c => c.LocalName == "li"))
                    yield return new Bullet(Clean(li.TextContent).TrimStart('-', ' '));
                break;
            case "table":
                var rows = element.QuerySelectorAll("tr").Select(tr => (IReadOnlyList<string>)tr.Children.Select(c => Clean(c.TextContent)).ToList()).ToList();
                if (rows.Count == 0)
                    break;
                var width = rows.Max(r => r.Count);
                var header = rows[0];
                yield return new Table(Enumerable.Range(0, width).Select(i => new Column(i < header.Count ? header[i] : "")).ToList(),
                    rows.Skip(1).Select(r => (IReadOnlyList<string>)[.. r, .. Enumerable.Repeat("", width - r.Count)]));
                break;
            default:
                var runs = element.ChildNodes.SelectMany(n => Inlines(n, false, false)).ToList();
                if (Flush(runs) is { } p)
                    yield return p;
                break;
        }
    }

    private static IEnumerable<Inline> Inlines(INode node, bool bold, bool italic)
    {
        if (node is IText text)
        {
            yield return new Inline(text.Data, bold, italic);
            yield break;
        }
        if (node is not IElement e)
            yield break;
        if (e.LocalName == "br")
        {
            yield return new Inline("\n", bold, italic);
            yield break;
        }
        var b = bold || e.LocalName is "b" or "strong";
        var i = italic || e.LocalName is "i" or "em";
        foreach (var child in e.ChildNodes)
            foreach (var inline in Inlines(child, b, i))
                yield return inline;
    }

    private static Paragraph? Flush(List<Inline> runs)
    {
        if (runs.All(r => string.IsNullOrWhiteSpace(r.Text)))
        {
            runs.Clear();
            return null;
        }
        var paragraph = new Paragraph(runs.Select(r => r with { Text = Collapse(r.Text) }).ToList());
        runs.Clear();
        return paragraph;
    }

    private static string Collapse(string s) => s == "\n" ? s : System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");

    private static string Clean(string s) => Collapse(s).Trim();
}
