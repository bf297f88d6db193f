using DocumentFormat.OpenXml;
using static DonDoc.Documents.Ooxml;
using L = DonDoc.Documents.DecreeLayout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Documents;

/// <summary>
/// The parts Phụ lục I fixes around the body. The opening (parts 1–5, 9a): issuer and national motto side by
/// side, the number line level with the place and date line, then the kind and title (or a công văn's "V/v …"
/// under its number) and "Kính gửi:". The closing (parts 7, 9b): "Nơi nhận:" flush left beside the signature
/// block, which centres the authority and position lines, leaves room for signature and seal, then the name.
/// </summary>
internal static class DecreeParts
{
    public static IEnumerable<OpenXmlElement> Opening(OfficialDocument document)
    {
        yield return HeaderTable(document);
        if (!document.Title.IsLetter)
        {
            foreach (var element in Title(document.Title))
                yield return element;
        }
        foreach (var element in Addressees(document.Addressees))
            yield return element;
    }

    private static W.Table HeaderTable(OfficialDocument document)
    {
        var table = LayoutTable(L.IssuerColumn, L.MottoColumn);
        table.Append(
            new W.TableRow(Cell(L.IssuerColumn, IssuerBlock(document.Issuer)), Cell(L.MottoColumn, MottoBlock())),
            new W.TableRow(Cell(L.IssuerColumn, NumberBlock(document)), Cell(L.MottoColumn, [DateParagraph(document.Date)])));
        return table;
    }

    private static IEnumerable<OpenXmlElement> IssuerBlock(Issuer issuer)
    {
        if (issuer.Parent is { } parent)
            yield return Para(Centered, new Style(L.IssuerSize), DocumentText.Upper(parent));
        var name = issuer.Name.Select(DocumentText.Upper).ToList();
        foreach (var line in name)
            yield return Para(Centered, new Style(L.IssuerSize, Bold: true), line);
        // The decree asks for a rule a third to a half as long as the name.
        var longest = name.Count == 0 ? 0 : name.Max(line => EstimatedWidth(line, L.IssuerSize));
        yield return Rule(Math.Min(longest * 2 / 5, L.IssuerColumn), L.IssuerColumn);
    }

    private static IEnumerable<OpenXmlElement> MottoBlock()
    {
        yield return Para(Centered, new Style(L.NationalNameSize, Bold: true), L.NationalName);
        yield return Para(Centered, new Style(L.MottoSize, Bold: true), L.Motto);
        yield return Rule(L.MottoRuleWidth, L.MottoColumn);
    }

    private static IEnumerable<OpenXmlElement> NumberBlock(OfficialDocument document)
    {
        yield return Para(Centered with { Before = 120 }, new Style(L.NumberSize), DocumentText.NumberLine(document.Number));
        if (document.Title.IsLetter)
            yield return Para(Centered with { Before = 120 }, new Style(L.LetterSubjectSize), "V/v " + DocumentText.Clean(document.Title.Text));
    }

    private static W.Paragraph DateParagraph(DateLine date) =>
        Para(Centered with { Before = 120 }, new Style(L.BodySize, Italic: true), DocumentText.DateLineText(date));

    private static IEnumerable<OpenXmlElement> Title(DocumentTitle title)
    {
        var text = DocumentText.Clean(title.Text);
        yield return Para(Centered with { Before = 360, KeepNext = true }, new Style(L.BodySize, Bold: true), DocumentText.Upper(title.Kind!));
        yield return Para(Centered with { KeepNext = true }, new Style(L.BodySize, Bold: true), text);
        var line = Math.Min(EstimatedWidth(text, L.BodySize), L.TextWidth);
        yield return Rule(line * 2 / 5, L.TextWidth);
    }

    private static IEnumerable<OpenXmlElement> Addressees(IReadOnlyList<string> addressees)
    {
        var style = new Style(L.BodySize);
        if (addressees.Count == 1)
        {
            yield return Para(Centered with { Before = 240, After = 120 }, style, $"Kính gửi: {DocumentText.Item(addressees[0])}.");
            yield break;
        }
        // Several addressees: "Kính gửi:" and the first "- …;" on one line, the others aligned under the first.
        var left = L.TextWidth / 5 + AddresseeLabelWidth;
        for (var i = 0; i < addressees.Count; i++)
        {
            var last = i == addressees.Count - 1;
            var item = $"- {DocumentText.Item(addressees[i])}{(last ? "." : ";")}";
            yield return i == 0
                ? Para(new Place(W.JustificationValues.Left, Left: left, Hanging: AddresseeLabelWidth, Before: 240), style, "Kính gửi:\t" + item)
                : Para(new Place(W.JustificationValues.Left, Left: left, After: last ? 120 : 0), style, item);
        }
    }

    private const int AddresseeLabelWidth = 1418; // 2.5 cm: "Kính gửi:" at 14 pt and a gap

    /// <summary>"Phụ lục II", the title in upper case, the note "(Kèm theo …)", a short rule.</summary>
    public static IEnumerable<OpenXmlElement> AppendixHeading(Appendix appendix, string label, int width)
    {
        yield return Para(Centered with { KeepNext = true }, new Style(L.BodySize, Bold: true), label);
        yield return Para(Centered with { Before = 60, KeepNext = true }, new Style(L.BodySize, Bold: true), DocumentText.Upper(appendix.Title));
        if (appendix.Note is { } note)
            yield return Para(Centered with { KeepNext = true }, new Style(L.BodySize, Italic: true), DocumentText.Clean(note));
        yield return Rule(L.TextWidth / 4, width);
    }

    public static W.Table Closing(Signature signature, Distribution distribution)
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
