using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>
/// The register of documents plans cite. A document cited again is the record already there: same symbol
/// (spacing and case aside) and, where both citations give one, the same date; what a later citation adds
/// (a date, the issuer) fills the gaps of the record.
/// </summary>
public sealed class LegalDocuments(DonDocDbContext db)
{
    private const string Noun = "Văn bản";

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

    /// <summary>Corrects a record; refused when the corrected symbol and date are another record's.</summary>
    public async Task<SaveResult<LegalDocument>> UpdateAsync(int id, string kind, string symbol, DateOnly? issuedOn, string? issuer, string? summary,
        long? expectedVersion, CancellationToken ct = default)
    {
        var document = await db.LegalDocuments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
            return SaveResult<LegalDocument>.Fail("id", "Không tìm thấy văn bản.");
        if (expectedVersion is { } v && v != document.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, document, v, ct);
        kind = (kind ?? "").Trim();
        symbol = (symbol ?? "").Trim();
        issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim();
        summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        var errors = Validate(kind, symbol, issuer);
        if (summary is { Length: > 2000 })
            errors["summary"] = ["Trích yếu dài tối đa 2.000 ký tự."];
        var key = LegalDocument.KeyOf(symbol);
        if (errors.Count == 0 && await db.LegalDocuments.AnyAsync(d => d.Id != id && d.SymbolKey == key && d.IssuedOn == issuedOn, ct))
            errors["symbol"] = ["Đã có văn bản khác cùng số, ký hiệu và ngày ban hành này."];
        if (errors.Count > 0)
            return SaveResult<LegalDocument>.Fail(errors);
        (document.Kind, document.Symbol, document.SymbolKey, document.IssuedOn, document.Issuer, document.Summary) =
            (kind, symbol, key, issuedOn, issuer, summary);
        return await ConcurrentChanges.SaveAsync(db, Noun, document, () => db.SaveChangesAsync(ct), ct);
    }

    /// <summary>Removes a document no plan cites; a cited one stays, since the plans would lose their basis.</summary>
    public async Task<SaveResult<LegalDocument>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var document = await db.LegalDocuments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
            return SaveResult<LegalDocument>.Fail("id", "Không tìm thấy văn bản.");
        var citing = await db.Plans.Where(p => p.Basis.Any(b => b.LegalDocumentId == id)).Select(p => p.Symbol ?? p.Title).Take(3).ToListAsync(ct);
        if (citing.Count > 0)
            return SaveResult<LegalDocument>.Fail("plans", $"Văn bản đang là căn cứ của kế hoạch {string.Join("; ", citing)}; hãy bỏ căn cứ đó trước khi xóa.");
        db.LegalDocuments.Remove(document);
        await db.SaveChangesAsync(ct);
        return SaveResult<LegalDocument>.Success(document);
    }

    /// <summary>Attaches the document's own file (the signed copy), replacing an earlier one.</summary>
    public async Task<SaveResult<LegalDocument>> AttachAsync(int id, FileStore.Upload upload, int uploadedById, FileStore store, CancellationToken ct = default)
    {
        var document = await db.LegalDocuments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
            return SaveResult<LegalDocument>.Fail("id", "Không tìm thấy văn bản.");
        var stored = await store.SaveAsync([upload], uploadedById, OwnerType, id, ct);
        if (!stored.Ok)
            return SaveResult<LegalDocument>.Fail(stored.Errors);
        // The file's id exists only once it is saved; both saves commit together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        document.FileId = stored.Value![0].Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SaveResult<LegalDocument>.Success(document);
    }

    public const string OwnerType = "LegalDocument";

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
