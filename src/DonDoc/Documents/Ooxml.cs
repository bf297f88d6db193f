using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Documents;

/// <summary>The few WordprocessingML shapes the writer is made of: styled runs, aligned paragraphs, rules, layout tables.</summary>
internal static class Ooxml
{
    public sealed record Style(int Size, bool Bold = false, bool Italic = false);

    /// <summary>
    /// A paragraph's placement: alignment, indents, space before and after, line spacing (240ths of a line, or
    /// twips when exact). A hanging indent also sets a tab stop where the hanging text starts, as Word would.
    /// </summary>
    public sealed record Place(W.JustificationValues Align, int FirstLine = 0, int Left = 0, int Right = 0,
        int Before = 0, int After = 0, int Line = 240, bool ExactLine = false, bool KeepNext = false, int Hanging = 0);

    public static readonly Place Centered = new(W.JustificationValues.Center);

    public static W.Paragraph Para(Place place, params IEnumerable<W.Run> runs)
    {
        var paragraph = new W.Paragraph(Properties(place));
        paragraph.Append(runs);
        return paragraph;
    }

    public static W.Paragraph Para(Place place, Style style, string text) => Para(place, Run(style, text));

    public static W.ParagraphProperties Properties(Place place)
    {
        var properties = new W.ParagraphProperties();
        if (place.KeepNext)
            properties.Append(new W.KeepNext());
        if (place.Hanging > 0)
            properties.Append(new W.Tabs(new W.TabStop { Val = W.TabStopValues.Left, Position = place.Left }));
        properties.Append(
            new W.SpacingBetweenLines
            {
                Before = Invariant(place.Before),
                After = Invariant(place.After),
                Line = Invariant(place.Line),
                LineRule = place.ExactLine ? W.LineSpacingRuleValues.Exact : W.LineSpacingRuleValues.Auto,
            },
            Indentation(place),
            new W.Justification { Val = place.Align });
        return properties;
    }

    private static W.Indentation Indentation(Place place)
    {
        // Assigning null would still write the attribute, empty, which LibreOffice reads as zero over the other.
        var indentation = new W.Indentation { Left = Invariant(place.Left), Right = Invariant(place.Right) };
        if (place.FirstLine > 0)
            indentation.FirstLine = Invariant(place.FirstLine);
        if (place.Hanging > 0)
            indentation.Hanging = Invariant(place.Hanging);
        return indentation;
    }

    /// <summary>A run of text; line breaks and tabs in the text become Word's breaks and tabs.</summary>
    public static W.Run Run(Style style, string text)
    {
        var run = new W.Run(RunProperties(style));
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\t'))
                continue;
            if (i > start)
                run.Append(new W.Text(text[start..i]) { Space = SpaceProcessingModeValues.Preserve });
            if (i < text.Length)
                run.Append(text[i] == '\n' ? new W.Break() : new W.TabChar());
            start = i + 1;
        }
        return run;
    }

    public static W.RunProperties RunProperties(Style style)
    {
        var properties = new W.RunProperties();
        if (style.Bold)
            properties.Append(new W.Bold(), new W.BoldComplexScript());
        if (style.Italic)
            properties.Append(new W.Italic(), new W.ItalicComplexScript());
        properties.Append(new W.FontSize { Val = Invariant(style.Size) }, new W.FontSizeComplexScript { Val = Invariant(style.Size) });
        return properties;
    }

    /// <summary>An empty paragraph exactly <paramref name="height"/> twips high.</summary>
    public static W.Paragraph Spacer(int height) =>
        new(Properties(new Place(W.JustificationValues.Left, Line: height, ExactLine: true)));

    /// <summary>
    /// A short horizontal rule of <paramref name="width"/> twips centred in <paramref name="available"/>: the top
    /// border of an empty, one-point-high paragraph, which Word and LibreOffice both draw where it stands.
    /// </summary>
    public static W.Paragraph Rule(int width, int available)
    {
        var side = Math.Max(0, (available - width) / 2);
        // 4 pt below the line above clears Vietnamese marks under the letters (ệ, ộ).
        var properties = Properties(new Place(W.JustificationValues.Center, Left: side, Right: side, Before: 80, Line: 20, ExactLine: true));
        properties.PrependChild(new W.ParagraphBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 6, Space = 0, Color = "000000" }));
        return new W.Paragraph(properties, new W.Run(RunProperties(new Style(2))));
    }

    /// <summary>A borderless table of fixed columns, for blocks that stand side by side (issuer and motto, nơi nhận and signature).</summary>
    public static W.Table LayoutTable(params int[] columns)
    {
        var table = new W.Table(new W.TableProperties(
            new W.TableWidth { Width = Invariant(columns.Sum()), Type = W.TableWidthUnitValues.Dxa },
            new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.None }, new W.LeftBorder { Val = W.BorderValues.None },
                new W.BottomBorder { Val = W.BorderValues.None }, new W.RightBorder { Val = W.BorderValues.None },
                new W.InsideHorizontalBorder { Val = W.BorderValues.None }, new W.InsideVerticalBorder { Val = W.BorderValues.None }),
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableCellMarginDefault(
                new W.TableCellLeftMargin { Width = 0, Type = W.TableWidthValues.Dxa },
                new W.TableCellRightMargin { Width = 0, Type = W.TableWidthValues.Dxa })));
        table.Append(Grid(columns));
        return table;
    }

    public static W.TableGrid Grid(IEnumerable<int> columns) => new(columns.Select(c => new W.GridColumn { Width = Invariant(c) }));

    public static W.TableCell Cell(int width, IEnumerable<OpenXmlElement> content)
    {
        var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = Invariant(width), Type = W.TableWidthUnitValues.Dxa }));
        cell.Append(content);
        if (cell.LastChild is not W.Paragraph)
            cell.Append(new W.Paragraph());
        return cell;
    }

    /// <summary>
    /// Roughly how wide a line of Times New Roman is, in twips, for sizing the decree's short rules: an average
    /// advance of 0.7 em for capitals, 0.47 em for the rest, 0.25 em for spaces.
    /// </summary>
    public static int EstimatedWidth(string text, int halfPoints)
    {
        var em = 0.0;
        foreach (var c in text)
            em += c == ' ' ? 0.25 : char.IsUpper(c) ? 0.7 : 0.47;
        return (int)(em * halfPoints * 10);
    }

    /// <summary>A number as WordprocessingML writes it, whatever the unit (twips, half-points, 240ths of a line).</summary>
    public static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
