using DonDoc.Data;
using DonDoc.Documents;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Features.Urging;

/// <summary>Urging letters and the overdue list under /api/v1.</summary>
public static class UrgingEndpoints
{
    public static IServiceCollection AddUrging(this IServiceCollection services) => services.AddScoped<UrgingLetters>();

    public sealed record LetterRequest(int[]? UnitIds, int? PlanId = null, int? PeriodId = null, bool? IssueAsProvince = null,
        int? ReplyWithinWorkingDays = null, string? Symbol = null);

    public static void MapUrgingEndpoints(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api/v1/urging-letters").WithTags("Đôn đốc").RequireAuthorization();
        letters.MapPost("/", CreateAsync).WithName("CreateUrgingLetter")
            .WithSummary("Lập văn bản đôn đốc (.docx) cho các đơn vị chọn: nhiệm vụ quá hạn (của một kế hoạch nếu có planId) hoặc báo cáo chưa gửi của một kỳ (periodId)")
            .RequireAuthorization(Policies.ReviewProgress);
        letters.MapGet("/", ListAsync).WithName("ListUrgingLetters")
            .WithSummary("Lịch sử văn bản đôn đốc, lọc theo đơn vị (unitId) hoặc nhiệm vụ (occurrenceId)");
        letters.MapGet("/{id:int}.docx", DocxAsync).WithName("DownloadUrgingLetter").WithSummary("Tải lại văn bản đôn đốc đã lập");
        app.MapGet("/api/v1/urging/overdue", OverdueAsync).WithTags("Đôn đốc").RequireAuthorization().WithName("ListOverdueByUnit")
            .WithSummary("Nhiệm vụ quá hạn (hoặc sắp đến hạn: dueSoon=true) trong toàn tỉnh theo đơn vị chủ trì, lọc theo kế hoạch, loại đơn vị, đơn vị, nội dung");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> CreateAsync(LetterRequest request, UrgingLetters urging, CancellationToken ct)
    {
        var result = await urging.CreateAsync(new UrgingRequest(request.UnitIds, request.PlanId, request.PeriodId, request.IssueAsProvince ?? false,
            request.ReplyWithinWorkingDays, request.Symbol), ct);
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Không lập được văn bản đôn đốc.");
        return Docx(result.Value!);
    }

    private static async Task<Ok<List<LetterDto>>> ListAsync(int? unitId, int? occurrenceId, DonDocDbContext db, CurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(await UrgingHistory.LettersAsync(db, await UnitScope.ForAsync(actor, db, ct), unitId, occurrenceId, ct));

    private static async Task<Results<FileContentHttpResult, NotFound>> DocxAsync(int id, DonDocDbContext db, CurrentActor actor, CancellationToken ct) =>
        await UrgingHistory.LetterAsync(db, await UnitScope.ForAsync(actor, db, ct), id, ct) is { } letter ? Docx(letter) : TypedResults.NotFound();

    // The unit kind is read as text, so a wrong one gets a Vietnamese answer instead of the framework's English one.
    private static async Task<Results<Ok<List<UnitGroup>>, ValidationProblem>> OverdueAsync(int? planId, int? unitId, string? kind, bool? dueSoon, string? q,
        DonDocDbContext db, CurrentActor actor, TaskTracking tracking, CancellationToken ct)
    {
        UnitKind? unitKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<UnitKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["kind"] = [$"Loại đơn vị (kind) là một trong: {string.Join(", ", Enum.GetNames<UnitKind>())}."],
                }, title: "Tham số chưa hợp lệ.");
            unitKind = k;
        }
        var filter = new BoardFilter(dueSoon ?? false, planId, unitKind, unitId, q);
        return TypedResults.Ok(await OverdueQueries.BoardAsync(db, await UnitScope.ForAsync(actor, db, ct), filter, tracking.Today(), ct));
    }

    private static FileContentHttpResult Docx(UrgingLetter letter) =>
        TypedResults.File(OfficialDocumentWriter.ToBytes(UrgingLetterDocument.From(letter)), OfficialDocumentWriter.ContentType, UrgingLetterDocument.FileName(letter));
}
