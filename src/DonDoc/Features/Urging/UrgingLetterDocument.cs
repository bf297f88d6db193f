using System.Globalization;
using DonDoc.Calendar;
using DonDoc.Documents;

namespace DonDoc.Features.Urging;

/// <summary>
/// A recorded urging letter as a công văn of Nghị định 30/2020/NĐ-CP: "V/v …" under the number, "Kính gửi:" the
/// units, the opening, one numbered heading and table per unit, the closing, the signature of the issuer's deputy
/// head, and "Nơi nhận:".
/// </summary>
public static class UrgingLetterDocument
{
    private static readonly CultureInfo Vi = VietnamTime.Culture;

    public static OfficialDocument From(UrgingLetter letter)
    {
        var units = letter.Units.OrderBy(u => u.SortOrder).ToList();
        var body = new List<Block> { new Paragraph(letter.Opening) };
        foreach (var unit in units)
        {
            var items = unit.Items.OrderBy(i => i.SortOrder).ToList();
            body.Add(new Heading(2, $"{unit.UnitName}: {items.Count} {(letter.Kind == UrgingKind.Tasks ? "nhiệm vụ quá hạn" : "báo cáo chưa gửi")}"));
            body.Add(new Table(Columns(letter.Kind), items.Select((item, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(Vi),
                item.Text,
                item.DueDate is { } due ? VietnamTime.Date(due) : "",
                item.DaysLate is { } late ? late.ToString(Vi) : "Chưa đến hạn",
            ])));
        }
        body.Add(new Paragraph(letter.Closing));
        var (number, symbol) = NumberOf(letter);
        return new OfficialDocument
        {
            Issuer = new Issuer(letter.IssuerLines, letter.IssuerParent),
            Number = new DocumentNumber(number, symbol),
            Date = letter.Symbol is null ? DateLine.Blank(letter.Place, letter.Date.Year) : DateLine.On(letter.Place, letter.Date),
            Title = DocumentTitle.Letter(letter.Subject),
            Addressees = units.Select(u => u.UnitName).ToList(),
            Body = body,
            Signature = new Signature(letter.IssuedAsProvince ? ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"] : ["KT. Giám đốc", "Phó Giám đốc"], ""),
            Distribution = new Distribution(["Như trên", .. letter.IssuedAsProvince ? Array.Empty<string>() : ["UBND tỉnh (để b/c)", "Giám đốc Sở (để b/c)"]]),
        };
    }

    /// <summary>"van-ban-don-doc-2026-11-27-15.docx", with the letter's id so two letters of a day do not overwrite each other.</summary>
    public static string FileName(UrgingLetter letter) =>
        $"van-ban-don-doc-{letter.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{letter.Id.ToString(CultureInfo.InvariantCulture)}.docx";

    private static IReadOnlyList<Column> Columns(UrgingKind kind) => kind == UrgingKind.Tasks
        ? [new("TT", 1, CellAlign.Center), new("Nhiệm vụ", 11), new("Hạn", 3, CellAlign.Center), new("Số ngày quá hạn", 3, CellAlign.Center)]
        : [new("TT", 1, CellAlign.Center), new("Báo cáo", 11), new("Hạn gửi", 3, CellAlign.Center), new("Số ngày chậm", 3, CellAlign.Center)];

    /// <summary>"125/SNV-CCHC" → 125 and "SNV-CCHC"; without a symbol the number is left blank beside the issuer's abbreviation.</summary>
    private static (int? Number, string Symbol) NumberOf(UrgingLetter letter)
    {
        if (letter.Symbol is not { } given)
            return (null, letter.Abbreviation);
        var slash = given.IndexOf('/');
        if (slash < 0)
            return (null, given);
        return (int.TryParse(given[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null, given[(slash + 1)..]);
    }
}
