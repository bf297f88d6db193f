using DonDoc.Data;
using DonDoc.Security;
using DonDoc.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>The register of cited documents (văn bản) under /api/v1/documents.</summary>
public static class DocumentEndpoints
{
    public sealed record DocumentRequest(string Kind, string Symbol, DateOnly? IssuedOn, string? Issuer, string? Summary = null, long? Version = null);

    public sealed record DocumentDto(int Id, string Kind, string Symbol, DateOnly? IssuedOn, string? Issuer, string? Summary, int? FileId, long Version);

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/v1/documents").WithTags("Văn bản").RequireAuthorization();
        documents.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Danh mục văn bản mà các kế hoạch căn cứ, trích dẫn");
        documents.MapGet("/{id:int}", GetAsync).WithName("GetDocument").WithSummary("Một văn bản");
        documents.MapPost("/", AddAsync).WithName("AddDocument")
            .WithSummary("Thêm văn bản; văn bản đã có (cùng số, ký hiệu và ngày) được dùng lại").RequireAuthorization(Policies.WritePlans);
        documents.MapPut("/{id:int}", UpdateAsync).WithName("UpdateDocument").WithSummary("Sửa thông tin văn bản")
            .RequireAuthorization(Policies.ManagePlans);
        documents.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteDocument").WithSummary("Xóa văn bản không kế hoạch nào căn cứ")
            .RequireAuthorization(Policies.ManagePlans);
        documents.MapPut("/{id:int}/file", AttachAsync).WithName("AttachDocumentFile")
            .WithSummary("Đính kèm bản văn bản (multipart: file)").RequireAuthorization(Policies.ManagePlans).DisableAntiforgery();
        documents.MapGet("/{id:int}/file", DownloadAsync).WithName("DownloadDocumentFile").WithSummary("Tải bản văn bản đính kèm");
    }

    private static async Task<Ok<List<BasisDto>>> ListAsync(DonDocDbContext db, string? q, CancellationToken ct)
    {
        var docs = db.LegalDocuments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var key = LegalDocument.KeyOf(q);
            docs = docs.Where(d => d.SymbolKey.Contains(key) || d.Kind.ToLower().Contains(q.Trim().ToLower()));
        }
        return TypedResults.Ok(await docs.OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Symbol).Take(500)
            .Select(d => new BasisDto(d.Id, d.Kind, d.Symbol, d.IssuedOn, d.Issuer)).ToListAsync(ct));
    }

    private static async Task<Results<Ok<DocumentDto>, NotFound>> GetAsync(int id, DonDocDbContext db, CancellationToken ct) =>
        await db.LegalDocuments.AsNoTracking().Where(d => d.Id == id).FirstOrDefaultAsync(ct) is { } doc
            ? TypedResults.Ok(ToDto(doc)) : TypedResults.NotFound();

    private static async Task<Results<Ok<DocumentDto>, ValidationProblem>> AddAsync(DocumentRequest request, LegalDocuments documents, CancellationToken ct)
    {
        var result = await documents.FindOrCreateAsync(request.Kind, request.Symbol, request.IssuedOn, request.Issuer, ct);
        return result.Ok ? TypedResults.Ok(ToDto(result.Value!)) : TypedResults.ValidationProblem(result.Errors, title: "Văn bản chưa hợp lệ.");
    }

    private static async Task<Results<Ok<DocumentDto>, NotFound, ValidationProblem>> UpdateAsync(int id, DocumentRequest request, LegalDocuments documents, CancellationToken ct) =>
        Answer(await documents.UpdateAsync(id, request.Kind, request.Symbol, request.IssuedOn, request.Issuer, request.Summary, request.Version, ct),
            "Không lưu được văn bản.");

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteAsync(int id, LegalDocuments documents, CancellationToken ct)
    {
        var result = await documents.DeleteAsync(id, ct);
        return result.Ok ? TypedResults.NoContent()
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không xóa được văn bản.");
    }

    private static async Task<Results<Ok<DocumentDto>, NotFound, ValidationProblem>> AttachAsync(int id, IFormFile file, LegalDocuments documents,
        FileStore store, CurrentActor actor, CancellationToken ct)
    {
        var user = await actor.PrincipalAsync();
        return Answer(await documents.AttachAsync(id, new FileStore.Upload(file.FileName, file.OpenReadStream(), file.Length), user.UserId() ?? 0, store, ct),
            "Không đính kèm được tệp.");
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(int id, DonDocDbContext db, FileStore store, CancellationToken ct)
    {
        var file = await db.LegalDocuments.Where(d => d.Id == id && d.FileId != null)
            .Join(db.StoredFiles, d => d.FileId, f => f.Id, (_, f) => f).AsNoTracking().FirstOrDefaultAsync(ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(store.Open(file), file.ContentType, file.FileName);
    }

    private static Results<Ok<DocumentDto>, NotFound, ValidationProblem> Answer(SaveResult<LegalDocument> result, string title) =>
        result.Ok ? TypedResults.Ok(ToDto(result.Value!))
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: title);

    private static DocumentDto ToDto(LegalDocument d) => new(d.Id, d.Kind, d.Symbol, d.IssuedOn, d.Issuer, d.Summary, d.FileId, d.Version);
}
