using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static DonDoc.Documents.Ooxml;
using L = DonDoc.Documents.DecreeLayout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Documents;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a .docx laid out per Nghị định 30/2020/NĐ-CP: A4, the decree's
/// margins, Times New Roman, page numbers centred at the top from page 2, each appendix in a section of its own
/// (landscape when asked) numbered from 1.
/// </summary>
public static class OfficialDocumentWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The .docx as bytes, for an endpoint's file result or an attachment.</summary>
    public static byte[] ToBytes(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the package to a seekable stream (buffer first when the destination is a response body).</summary>
    public static void Write(OfficialDocument document, Stream output)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<DocumentSettingsPart>().Settings = new W.Settings(
            new W.Compatibility(new W.CompatibilitySetting
            {
                Name = W.CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
        var headers = new Headers(main);

        var body = new W.Body();
        main.Document = new W.Document(body);
        foreach (var element in DecreeParts.Opening(document))
            Append(body, element);
        var blocks = new BodyWriter(L.TextWidth);
        foreach (var element in document.Body.SelectMany(blocks.Write))
            Append(body, element);
        Append(body, DecreeParts.Closing(document.Signature, document.Distribution));

        var section = Section(headers, landscape: false, restartNumbering: false);
        for (var i = 0; i < document.Appendices.Count; i++)
        {
            // A section's properties ride on the last paragraph of that section; the final one closes the body.
            body.Append(new W.Paragraph(new W.ParagraphProperties(section)));
            var appendix = document.Appendices[i];
            var width = appendix.Landscape ? L.LandscapeTextWidth : L.TextWidth;
            foreach (var element in DecreeParts.AppendixHeading(appendix, DocumentText.AppendixLabel(i + 1, document.Appendices.Count), width))
                Append(body, element);
            var appendixBlocks = new BodyWriter(width);
            foreach (var element in appendix.Body.SelectMany(appendixBlocks.Write))
                Append(body, element);
            section = Section(headers, appendix.Landscape, restartNumbering: true);
        }
        body.Append(section);
        main.Document.Save();
    }

    /// <summary>Adjacent tables would merge into one; an empty paragraph keeps them apart.</summary>
    private static void Append(W.Body body, OpenXmlElement element)
    {
        if (element is W.Table && body.LastChild is W.Table)
            body.Append(new W.Paragraph());
        body.Append(element);
    }

    private static W.SectionProperties Section(Headers headers, bool landscape, bool restartNumbering)
    {
        var section = new W.SectionProperties(
            new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = headers.PageNumberId },
            new W.HeaderReference { Type = W.HeaderFooterValues.First, Id = headers.EmptyId },
            new W.SectionType { Val = W.SectionMarkValues.NextPage },
            landscape
                ? new W.PageSize { Width = L.PageHeight, Height = L.PageWidth, Orient = W.PageOrientationValues.Landscape }
                : new W.PageSize { Width = L.PageWidth, Height = L.PageHeight, Orient = W.PageOrientationValues.Portrait },
            new W.PageMargin
            {
                Top = L.MarginTop, Bottom = L.MarginBottom, Left = L.MarginLeft, Right = L.MarginRight,
                Header = L.HeaderDistance, Footer = L.HeaderDistance, Gutter = 0,
            });
        if (restartNumbering)
            section.Append(new W.PageNumberType { Start = 1 });
        // The decree shows no number on a first page; the first-page header is the empty one.
        section.Append(new W.TitlePage());
        return section;
    }

    private static W.Styles Styles() => new(
        new W.DocDefaults(
            new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                new W.RunFonts { Ascii = L.Font, HighAnsi = L.Font, ComplexScript = L.Font, EastAsia = L.Font },
                new W.FontSize { Val = Invariant(L.BodySize) },
                new W.FontSizeComplexScript { Val = Invariant(L.BodySize) },
                new W.Languages { Val = "vi-VN", EastAsia = "vi-VN" })),
            new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(
                new W.SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }))));

    /// <summary>The two headers every section shares: the centred page number, and nothing for a first page.</summary>
    private sealed class Headers
    {
        public Headers(MainDocumentPart main)
        {
            // A PAGE field; the reader computes it, "2" only stands in until it does.
            W.Run FieldRun(OpenXmlElement content) => new(RunProperties(new Style(L.PageNumberSize)), content);
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new W.Header(Para(Centered,
                FieldRun(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
                FieldRun(new W.FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                FieldRun(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
                FieldRun(new W.Text("2")),
                FieldRun(new W.FieldChar { FieldCharType = W.FieldCharValues.End })));
            PageNumberId = main.GetIdOfPart(numbered);
            var empty = main.AddNewPart<HeaderPart>();
            empty.Header = new W.Header(new W.Paragraph());
            EmptyId = main.GetIdOfPart(empty);
        }

        public string PageNumberId { get; }
        public string EmptyId { get; }
    }
}
