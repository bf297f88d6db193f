using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>
/// The register of documents plans cite. A document cited again is the record already there: same symbol
/// (spacing and case aside) and, where both citations give one, the same date; what a later citation adds
/// (a date, the issuer) fills the gaps of the record.
/// </summary>
public sealed class LegalDocuments(DonDocDbContext db)
{
    public async Task<SaveResult<LegalDocument>> FindOrCreateAsync(string kind, string symbol, DateOnly? issuedOn, string? issuer,
        CancellationToken ct = default)
    {
        kind = (kind ?? "").Trim();
        symbol = (symbol ?? "").Trim();
        issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim();
        var errors = Validate(kind, symbol, issuer);
        if (errors.Count > 0)
            return SaveResult<LegalDocument>.Fail(errors);

        var key = LegalDocument.KeyOf(symbol);
        var candidates = await db.LegalDocuments.Where(d => d.SymbolKey == key).ToListAsync(ct);
        var document = Match(candidates, issuedOn);
        if (document is null)
        {
            document = new LegalDocument { Kind = kind, Symbol = symbol, SymbolKey = key, IssuedOn = issuedOn, Issuer = issuer };
            db.LegalDocuments.Add(document);
        }
        else
        {
            document.IssuedOn ??= issuedOn;
            document.Issuer ??= issuer;
        }
        await db.SaveChangesAsync(ct);
        return SaveResult<LegalDocument>.Success(document);
    }

    /// <summary>
    /// Symbols like 01/NQ-CP come back every year, so a dated citation only matches the same date or an undated
    /// record. An undated citation cannot tell such documents apart: it takes the undated record if there is one,
    /// otherwise the latest issued, the one a new plan most likely means.
    /// </summary>
    private static LegalDocument? Match(List<LegalDocument> sameSymbol, DateOnly? issuedOn) =>
        issuedOn is { } date
            ? sameSymbol.FirstOrDefault(d => d.IssuedOn == date) ?? sameSymbol.OrderBy(d => d.Id).FirstOrDefault(d => d.IssuedOn is null)
            : sameSymbol.OrderBy(d => d.IssuedOn is not null).ThenByDescending(d => d.IssuedOn).ThenBy(d => d.Id).FirstOrDefault();

    private static Dictionary<string, string[]> Validate(string kind, string symbol, string? issuer)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind.Length == 0)
            errors["kind"] = ["Cần ghi loại văn bản (Nghị quyết, Kết luận, Kế hoạch, Quyết định, …)."];
        else if (kind.Length > 60)
            errors["kind"] = ["Loại văn bản dài tối đa 60 ký tự."];
        if (symbol.Length == 0)
            errors["symbol"] = ["Cần ghi số, ký hiệu của văn bản (ví dụ 30/NQ-CP)."];
        else if (symbol.Length > 80)
            errors["symbol"] = ["Số, ký hiệu của văn bản dài tối đa 80 ký tự."];
        if (issuer is { Length: > 300 })
            errors["issuer"] = ["Tên cơ quan ban hành dài tối đa 300 ký tự."];
        return errors;
    }
}
