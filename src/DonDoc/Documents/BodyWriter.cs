using DocumentFormat.OpenXml;
using static DonDoc.Documents.Ooxml;
using L = DonDoc.Documents.DecreeLayout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Documents;

/// <summary>
/// Turns body blocks into WordprocessingML one at a time, keeping only the heading counters, so a body of any
/// length costs time in proportion to its size.
/// </summary>
internal sealed class BodyWriter(int textWidth)
{
    private static readonly Place Text = new(W.JustificationValues.Both, FirstLine: L.FirstLineIndent,
        Before: L.ParagraphSpacing, Line: L.LineSpacing);

    private static readonly Style[] HeadingStyles =
    [
        new(L.BodySize, Bold: true),
        new(L.BodySize, Bold: true),
        new(L.BodySize, Bold: true, Italic: true),
    ];

    private readonly int[] _counters = new int[Heading.MaxLevel];

    public IEnumerable<OpenXmlElement> Write(Block block) => block switch
    {
        Heading heading => [WriteHeading(heading)],
        Paragraph paragraph => [Para(Text, paragraph.Runs.Select(r => Run(new Style(L.BodySize, r.Bold, r.Italic), DocumentText.Clean(r.Text))))],
        Bullet bullet => [Para(Text, new Style(L.BodySize), "- " + DocumentText.Clean(bullet.Text))],
        // A table keeps the same distance from the text above it as a paragraph does.
        Table table => [Spacer(L.ParagraphSpacing), WriteTable(table)],
        _ => throw new ArgumentException($"No layout for {block.GetType().Name}.", nameof(block)),
    };

    private W.Paragraph WriteHeading(Heading heading)
    {
        var index = heading.Level - 1;
        _counters[index]++;
        Array.Clear(_counters, index + 1, _counters.Length - index - 1);
        var text = heading.Level == 1 ? DocumentText.Upper(heading.Text) : DocumentText.Clean(heading.Text);
        var label = DocumentText.HeadingLabel(heading.Level, _counters[index]);
        return Para(Text with { KeepNext = true }, HeadingStyles[index], $"{label} {text}");
    }

    private W.Table WriteTable(Table table)
    {
        var widths = ColumnWidths(table.Columns);
        var result = new W.Table(new W.TableProperties(
            new W.TableWidth { Width = Invariant(textWidth), Type = W.TableWidthUnitValues.Dxa },
            new W.TableBorders(
                Border<W.TopBorder>(), Border<W.LeftBorder>(), Border<W.BottomBorder>(), Border<W.RightBorder>(),
                Border<W.InsideHorizontalBorder>(), Border<W.InsideVerticalBorder>()),
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableCellMarginDefault(
                new W.TableCellLeftMargin { Width = 85, Type = W.TableWidthValues.Dxa },
                new W.TableCellRightMargin { Width = 85, Type = W.TableWidthValues.Dxa })));
        result.Append(Grid(widths));
        result.Append(Row(table.Columns.Select(c => c.Header).ToList(), widths, table.Columns, header: true));
        foreach (var cells in table.Rows)
            result.Append(Row(cells, widths, table.Columns, header: false));
        if (table.Total is { } total)
            result.Append(Row(total, widths, table.Columns, header: false, bold: true));
        return result;
    }

    private static T Border<T>() where T : W.BorderType, new() =>
        new() { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = "000000" };

    private int[] ColumnWidths(IReadOnlyList<Column> columns)
    {
        var total = columns.Sum(c => Math.Max(1, c.Weight));
        var widths = columns.Select(c => textWidth * Math.Max(1, c.Weight) / total).ToArray();
        widths[^1] += textWidth - widths.Sum();
        return widths;
    }

    private static W.TableRow Row(IReadOnlyList<string> cells, int[] widths, IReadOnlyList<Column> columns, bool header, bool bold = false)
    {
        var properties = new W.TableRowProperties(new W.CantSplit());
        if (header)
            properties.Append(new W.TableHeader());
        var row = new W.TableRow(properties);
        var style = new Style(L.TableSize, Bold: header || bold);
        for (var i = 0; i < widths.Length; i++)
        {
            var align = header ? CellAlign.Center : columns[i].Align;
            var place = new Place(Justification(align), Before: 40, After: 40);
            var text = i < cells.Count ? DocumentText.Clean(cells[i]) : "";
            var cell = Cell(widths[i], [Para(place, style, text)]);
            cell.TableCellProperties!.Append(new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Center });
            row.Append(cell);
        }
        return row;
    }

    private static W.JustificationValues Justification(CellAlign align) => align switch
    {
        CellAlign.Center => W.JustificationValues.Center,
        CellAlign.Right => W.JustificationValues.Right,
        _ => W.JustificationValues.Left,
    };
}
