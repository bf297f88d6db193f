using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DonDoc.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Tests.Documents;

/// <summary>A written document opened again with the OpenXml SDK, as Word would open it.</summary>
public sealed class Docx : IDisposable
{
    public Docx(byte[] bytes) => Package = WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public WordprocessingDocument Package { get; }

    public static Docx Write(OfficialDocument document) => new(OfficialDocumentWriter.ToBytes(document));

    public MainDocumentPart Main => Package.MainDocumentPart!;
    public W.Body Body => Main.Document!.Body!;

    /// <summary>The body's top-level blocks: paragraphs, tables, and the paragraphs carrying a section break.</summary>
    public IReadOnlyList<OpenXmlElement> Blocks => Body.ChildElements.Where(e => e is W.Paragraph or W.Table).ToList();

    public IReadOnlyList<W.SectionProperties> Sections => Body.Descendants<W.SectionProperties>().ToList();

    /// <summary>The paragraph whose whole text is <paramref name="text"/>, anywhere in the body.</summary>
    public W.Paragraph Paragraph(string text) =>
        Body.Descendants<W.Paragraph>().SingleOrDefault(p => Text(p) == text)
        ?? throw new Xunit.Sdk.XunitException($"No paragraph reads \"{text}\"; the paragraphs are:\n{string.Join("\n", Body.Descendants<W.Paragraph>().Select(Text))}");

    /// <summary>The index among <see cref="Blocks"/> of the block holding that text.</summary>
    public int IndexOf(string text)
    {
        var blocks = Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Descendants<W.Paragraph>().Append(blocks[i] as W.Paragraph).Any(p => p is not null && Text(p) == text))
                return i;
        }
        throw new Xunit.Sdk.XunitException($"No block holds \"{text}\"");
    }

    /// <summary>A paragraph's text as a reader sees it: breaks as new lines, tabs as tabs.</summary>
    public static string Text(OpenXmlElement element) => string.Concat(element.Descendants().Select(e => e switch
    {
        W.Text t => t.Text,
        W.TabChar => "\t",
        W.Break => "\n",
        _ => "",
    }));

    public static IEnumerable<string> Lines(W.TableCell cell) => cell.Elements<W.Paragraph>().Select(Text).Where(t => t.Length > 0);

    /// <summary>Every run of the paragraph, with its size (half-points), bold and italic.</summary>
    public static IReadOnlyList<(string Text, int Size, bool Bold, bool Italic)> Runs(W.Paragraph paragraph) =>
        paragraph.Elements<W.Run>().Where(r => Text(r).Length > 0).Select(r => (
            Text(r),
            int.Parse(r.RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture),
            r.RunProperties.Bold is not null,
            r.RunProperties.Italic is not null)).ToList();

    public void Dispose() => Package.Dispose();
}
