using DocumentFormat.OpenXml;
using static DonDoc.Documents.Ooxml;
using L = DonDoc.Documents.DecreeLayout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Documents;

/// <summary>
/// The end of the main text (Phụ lục I, parts 7 and 9b): "Nơi nhận:" flush left beside the signature block,
/// which centres the authority and position lines, leaves room for signature and seal, then the signer's name.
/// </summary>
internal static class Closing
{
    public static W.Table Block(Signature signature, Distribution distribution)
    {
        var table = LayoutTable(L.DistributionColumn, L.SignatureColumn);
        // The pair is one unit: a signature is never left alone at the top of a page.
        var row = new W.TableRow(
            new W.TableRowProperties(new W.CantSplit()),
            Cell(L.DistributionColumn, DistributionBlock(distribution)),
            Cell(L.SignatureColumn, SignatureBlock(signature)));
        table.Append(row);
        return table;
    }

    private static IEnumerable<OpenXmlElement> DistributionBlock(Distribution distribution)
    {
        var left = new Place(W.JustificationValues.Left, Before: 240);
        yield return Para(left, new Style(L.DistributionHeadingSize, Bold: true, Italic: true), "Nơi nhận:");
        var style = new Style(L.DistributionSize);
        foreach (var recipient in distribution.Recipients)
            yield return Para(left with { Before = 0 }, style, $"- {DocumentText.Item(recipient)};");
        var archive = DocumentText.Item(distribution.Archive);
        yield return Para(left with { Before = 0 }, style, archive.Length == 0 ? "- Lưu: VT." : $"- Lưu: VT, {archive}.");
    }

    private static IEnumerable<OpenXmlElement> SignatureBlock(Signature signature)
    {
        var style = new Style(L.BodySize, Bold: true);
        for (var i = 0; i < signature.Lines.Count; i++)
            yield return Para(Centered with { Before = i == 0 ? 240 : 0 }, style, DocumentText.Upper(signature.Lines[i]));
        yield return Para(Centered with { Before = L.SignatureSpace }, style, DocumentText.Clean(signature.SignerName));
    }
}
