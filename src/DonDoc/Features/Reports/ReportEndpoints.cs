using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Documents;
using DonDoc.Features.Reports.Rules;
using DonDoc.Security;
using DonDoc.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

/// <summary>Templates, periods, units' reports and the consolidation under /api/v1.</summary>
public static class ReportEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<SaveTemplate>().AddScoped<OpenPeriod>().AddScoped<UnitReports>().AddScoped<ReportAttachments>().AddScoped<Consolidate>()
        .AddSingleton(new DocumentBuilds(Environment.ProcessorCount));

    public sealed record FromPlanRequest(int PlanId, int RecipientUnitId);
    public sealed record OpenPeriodRequest(int? Year = null, int Index = 1, string? Label = null, DateOnly? DataFrom = null, DateOnly? DataTo = null, DateOnly? DueDate = null);
    public sealed record DraftRequest(Dictionary<int, string>? Sections, Dictionary<int, IndicatorValue?>? Values, long? Version = null);
    public sealed record ReviewRequest(bool Accept, string? Reason);
    public sealed record ConsolidationRequest(Dictionary<int, string>? Sections, string? ReportSymbol, long? Version = null);
    public sealed record TemplateDto(int Id, string Name, ReportKind Kind, ReportFrequency Frequency, int DueDay, int? DueMonth, int RecipientUnitId,
        int? PlanId, int? TaskNodeId, string? ObligedGroup, IReadOnlyList<int> ObligedUnitIds, IReadOnlyList<SectionDto> Sections,
        IReadOnlyList<IndicatorDto> Indicators, CutOffRule CutOff, long Version);

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/report-templates").WithTags("Báo cáo định kỳ").RequireAuthorization();
        templates.MapGet("/", ListTemplatesAsync).WithName("ListReportTemplates").WithSummary("Các mẫu báo cáo");
        templates.MapGet("/{id:int}", GetTemplateAsync).WithName("GetReportTemplate").WithSummary("Một mẫu báo cáo: đề cương, chỉ tiêu, đơn vị phải báo cáo");
        templates.MapPost("/", CreateTemplateAsync).WithName("CreateReportTemplate").WithSummary("Tạo mẫu báo cáo").RequireAuthorization(Policies.ReviewProgress);
        templates.MapPut("/{id:int}", UpdateTemplateAsync).WithName("UpdateReportTemplate").WithSummary("Sửa mẫu báo cáo").RequireAuthorization(Policies.ReviewProgress);
        templates.MapPost("/from-plan", FromPlanAsync).WithName("CreateReportTemplateFromPlan")
            .WithSummary("Tạo mẫu báo cáo từ kế hoạch: mỗi nhóm nhiệm vụ của mục II một mục, thêm tồn tại, nguyên nhân, phương hướng, kiến nghị")
            .RequireAuthorization(Policies.ReviewProgress);
        templates.MapPost("/{id:int}/periods", OpenPeriodAsync).WithName("OpenReportPeriod")
            .WithSummary("Mở kỳ báo cáo: mỗi đơn vị phải báo cáo có một báo cáo dự thảo").RequireAuthorization(Policies.ReviewProgress);

        var periods = app.MapGroup("/api/v1/report-periods").WithTags("Báo cáo định kỳ").RequireAuthorization();
        periods.MapGet("/", PeriodsAsync).WithName("ListReportPeriods").WithSummary("Các kỳ báo cáo (mẫu, kỳ, hạn gửi, số đơn vị đã nộp)");
        periods.MapGet("/{id:int}/completeness", CompletenessAsync).WithName("GetCompleteness").WithSummary("Tình hình nộp báo cáo của các đơn vị");
        periods.MapGet("/{id:int}/completeness.xlsx", CompletenessSheetAsync).WithName("ExportCompleteness").WithSummary("Tình hình nộp báo cáo, Excel");
        periods.MapGet("/{id:int}/consolidation", ConsolidationAsync).WithName("GetConsolidation")
            .WithSummary("Tổng hợp: chỉ tiêu toàn tỉnh và theo đơn vị, nội dung từng mục của các đơn vị").RequireAuthorization(Policies.ReadConsolidation);
        periods.MapPut("/{id:int}/consolidation", SaveConsolidationAsync).WithName("SaveConsolidation")
            .WithSummary("Lưu nội dung báo cáo tổng hợp của tỉnh").RequireAuthorization(Policies.ReviewProgress);
        periods.MapGet("/{id:int}/consolidated.docx", ConsolidatedDocxAsync).WithName("ExportConsolidatedReport")
            .WithSummary("Báo cáo tổng hợp của tỉnh theo thể thức Nghị định 30/2020/NĐ-CP, kèm phụ lục chỉ tiêu và tình hình gửi báo cáo")
            .RequireAuthorization(Policies.ReadConsolidation);
        periods.MapGet("/{id:int}/indicators.xlsx", IndicatorsSheetAsync).WithName("ExportIndicators").WithSummary("Chỉ tiêu tổng hợp và theo đơn vị, Excel")
            .RequireAuthorization(Policies.ReadConsolidation);

        var reports = app.MapGroup("/api/v1/reports").WithTags("Báo cáo định kỳ").RequireAuthorization();
        reports.MapGet("/{id:int}", ReportAsync).WithName("GetUnitReport").WithSummary("Báo cáo của một đơn vị trong một kỳ");
        reports.MapGet("/{id:int}.docx", ReportDocxAsync).WithName("ExportUnitReport").WithSummary("Báo cáo của đơn vị theo thể thức Nghị định 30/2020/NĐ-CP");
        reports.MapPut("/{id:int}", SaveDraftAsync).WithName("SaveUnitReport").WithSummary("Lưu dự thảo báo cáo của đơn vị").RequireAuthorization(Policies.ReportProgress);
        reports.MapPost("/{id:int}/prefill", PrefillAsync).WithName("PrefillUnitReport")
            .WithSummary("Điền sẵn các mục còn trống từ tiến độ nhiệm vụ trong kỳ").RequireAuthorization(Policies.ReportProgress);
        reports.MapPost("/{id:int}/submit", SubmitAsync).WithName("SubmitUnitReport")
            .WithSummary("Cán bộ trình thủ trưởng; thủ trưởng đơn vị gửi báo cáo").RequireAuthorization(Policies.ReportProgress);
        reports.MapPost("/{id:int}/review", ReviewAsync).WithName("ReviewUnitReport").WithSummary("Tiếp nhận hoặc trả lại báo cáo")
            .RequireAuthorization(Policies.ReviewProgress);
        reports.MapPost("/{id:int}/files", AttachAsync).WithName("AttachToUnitReport")
            .WithSummary("Đính kèm tệp vào báo cáo đang soạn (PDF, Word, Excel, ảnh; tối đa 20 tệp)")
            .RequireAuthorization(Policies.ReportProgress).DisableAntiforgery();
        reports.MapDelete("/{id:int}/files/{fileId:int}", DetachAsync).WithName("DetachFromUnitReport")
            .WithSummary("Bỏ một tệp khỏi báo cáo đang soạn (tệp đã gửi kèm lần trước vẫn mở được từ lịch sử gửi)")
            .RequireAuthorization(Policies.ReportProgress);
        reports.MapGet("/{id:int}/files/{fileId:int}", DownloadAsync).WithName("DownloadUnitReportFile").WithSummary("Tải một tệp kèm theo báo cáo");
        reports.MapGet("/{id:int}/submissions/{submissionId:int}/diff", DiffAsync).WithName("DiffUnitReport")
            .WithSummary("Những gì thay đổi so với lần gửi trước");
    }

    private static async Task<Ok<List<TemplateDto>>> ListTemplatesAsync(DonDocDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await Templates(db).OrderBy(t => t.Name).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<TemplateDto>, NotFound>> GetTemplateAsync(int id, DonDocDbContext db, CancellationToken ct) =>
        await Templates(db).FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(ToDto(t)) : TypedResults.NotFound();

    private static async Task<Results<Created<TemplateDto>, ValidationProblem>> CreateTemplateAsync(TemplateInput input, SaveTemplate save, CancellationToken ct)
    {
        var result = await save.CreateAsync(input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/report-templates/{result.Value!.Id}", ToDto(result.Value))
            : TypedResults.ValidationProblem(result.Errors, title: "Mẫu báo cáo chưa hợp lệ.");
    }

    private static async Task<Results<Ok<TemplateDto>, NotFound, ValidationProblem>> UpdateTemplateAsync(int id, TemplateInput input, long? version,
        SaveTemplate save, CancellationToken ct)
    {
        var result = await save.UpdateAsync(id, input, version, ct);
        return result.Ok ? TypedResults.Ok(ToDto(result.Value!))
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không lưu được mẫu báo cáo.");
    }

    private static async Task<Results<Created<TemplateDto>, ValidationProblem>> FromPlanAsync(FromPlanRequest request, SaveTemplate save, CancellationToken ct)
    {
        var draft = await save.DraftFromPlanAsync(request.PlanId, request.RecipientUnitId, ct);
        if (!draft.Ok)
            return TypedResults.ValidationProblem(draft.Errors, title: "Không tạo được mẫu báo cáo từ kế hoạch.");
        return await CreateTemplateAsync(draft.Value!, save, ct);
    }

    private static async Task<Results<Created<PeriodDto>, NotFound, ValidationProblem>> OpenPeriodAsync(int id, OpenPeriodRequest request, OpenPeriod open,
        DonDocDbContext db, CancellationToken ct)
    {
        var result = request.Year is { } year
            ? await open.OpenAsync(id, year, request.Index, ct)
            : request is { Label: { } label, DataFrom: { } from, DataTo: { } to, DueDate: { } due }
                ? await open.OpenOnceAsync(id, label, from, to, due, ct)
                : SaveResult<ReportPeriod>.Fail("year", "Cần năm (và tháng, quý) của kỳ báo cáo, hoặc tên kỳ cùng ngày chốt số liệu và hạn gửi.");
        if (!result.Ok)
            return result.Errors.ContainsKey("templateId") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không mở được kỳ báo cáo.");
        var period = (await ReportQueries.PeriodAsync(db, result.Value!.Id, UnitScope.Everything, ct))!;
        return TypedResults.Created($"/api/v1/report-periods/{period.Id}/completeness", period);
    }

    private static async Task<Ok<List<PeriodDto>>> PeriodsAsync(DonDocDbContext db, CurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(await ReportQueries.PeriodsAsync(db, await UnitScope.ForAsync(actor, db, ct), ct));

    private static async Task<Results<Ok<Completeness>, NotFound>> CompletenessAsync(int id, DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await ReportQueries.CompletenessAsync(db, id, await UnitScope.ForAsync(actor, db, ct), VietnamTime.Today(clock), ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> CompletenessSheetAsync(int id, DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await ReportQueries.CompletenessAsync(db, id, await UnitScope.ForAsync(actor, db, ct), VietnamTime.Today(clock), ct) is { } c
            ? TypedResults.File(await ReportSpreadsheets.CompletenessAsync(c, ct), ReportSpreadsheets.ContentType, $"tinh-hinh-nop-bao-cao-{Slug(c.Period.Label)}.xlsx")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<Consolidation>, NotFound>> ConsolidationAsync(int id, DonDocDbContext db, CancellationToken ct) =>
        await ReportQueries.ConsolidationAsync(db, id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> IndicatorsSheetAsync(int id, DonDocDbContext db, CancellationToken ct) =>
        await ReportQueries.ConsolidationAsync(db, id, ct) is { } c
            ? TypedResults.File(await ReportSpreadsheets.IndicatorsAsync(c, ct), ReportSpreadsheets.ContentType, $"chi-tieu-{Slug(c.Period.Label)}.xlsx")
            : TypedResults.NotFound();

    private static Task<Results<FileContentHttpResult, NotFound>> ConsolidatedDocxAsync(int id, DonDocDbContext db, DocumentBuilds builds,
        TimeProvider clock, CancellationToken ct) =>
        builds.RunAsync<Results<FileContentHttpResult, NotFound>>(async () =>
        {
            var today = VietnamTime.Today(clock);
            if (await ReportQueries.ConsolidationAsync(db, id, ct) is not { } c
                || await ReportQueries.CompletenessAsync(db, id, UnitScope.Everything, today, ct) is not { } completeness)
                return TypedResults.NotFound();
            var document = await ReportDocuments.ConsolidatedAsync(db, c, completeness, today, ct);
            return TypedResults.File(OfficialDocumentWriter.ToBytes(document), OfficialDocumentWriter.ContentType, $"bao-cao-tong-hop-{Slug(c.Period.Label)}.docx");
        }, ct);

    private static async Task<Results<FileContentHttpResult, NotFound>> ReportDocxAsync(int id, DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await ReportQueries.DetailAsync(db, id, await UnitScope.ForAsync(actor, db, ct), VietnamTime.Today(clock), ct) is not { } r)
            return TypedResults.NotFound();
        var document = await ReportDocuments.UnitAsync(db, r, ct);
        return TypedResults.File(OfficialDocumentWriter.ToBytes(document), OfficialDocumentWriter.ContentType, $"bao-cao-{Slug(r.Period.Label)}-{r.UnitId}.docx");
    }

    private static async Task<Results<Ok, NotFound, ValidationProblem>> SaveConsolidationAsync(int id, ConsolidationRequest request, Consolidate consolidate, CancellationToken ct)
    {
        var result = await consolidate.SaveAsync(id, request.Sections ?? [], request.ReportSymbol, request.Version, ct);
        return result.Ok ? TypedResults.Ok()
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không lưu được bản tổng hợp.");
    }

    private static async Task<Results<Ok<ReportDetail>, NotFound>> ReportAsync(int id, DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await ReportQueries.DetailAsync(db, id, await UnitScope.ForAsync(actor, db, ct), VietnamTime.Today(clock), ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> SaveDraftAsync(int id, DraftRequest request, UnitReports reports,
        DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(id, await reports.SaveDraftAsync(await actor.PrincipalAsync(), id, new ReportDraft(request.Sections ?? [], Figures(request.Values)), request.Version, ct),
            db, actor, clock, "Không lưu được báo cáo.", ct);

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> PrefillAsync(int id, UnitReports reports, DonDocDbContext db,
        CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(id, await reports.PrefillAsync(await actor.PrincipalAsync(), id, ct), db, actor, clock, "Không điền sẵn được báo cáo.", ct);

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> SubmitAsync(int id, UnitReports reports, DonDocDbContext db,
        CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(id, await reports.SubmitAsync(await actor.PrincipalAsync(), id, ct), db, actor, clock, "Không gửi được báo cáo.", ct);

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> ReviewAsync(int id, ReviewRequest request, UnitReports reports,
        DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(id, await reports.ReviewAsync(await actor.PrincipalAsync(), id, request.Accept, request.Reason, ct), db, actor, clock,
            "Không xử lý được báo cáo.", ct);

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> AttachAsync(int id, IFormFileCollection? files,
        ReportAttachments attachments, DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var uploads = (files ?? new FormFileCollection()).Select(f => new FileStore.Upload(f.FileName, f.OpenReadStream(), f.Length)).ToList();
        return await AnswerAsync(id, await attachments.AttachAsync(await actor.PrincipalAsync(), id, uploads, ct), db, actor, clock, "Không đính kèm được tệp.", ct);
    }

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> DetachAsync(int id, int fileId, ReportAttachments attachments,
        DonDocDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(id, await attachments.DetachAsync(await actor.PrincipalAsync(), id, fileId, ct), db, actor, clock, "Không bỏ được tệp.", ct);

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(int id, int fileId, ReportAttachments attachments, DonDocDbContext db,
        CurrentActor actor, CancellationToken ct) =>
        await attachments.FindAsync(await UnitScope.ForAsync(actor, db, ct), id, fileId, ct) is { } file
            ? TypedResults.File(attachments.Open(file), file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<Dictionary<int, IReadOnlyList<DiffPart>>>, NotFound>> DiffAsync(int id, int submissionId, DonDocDbContext db,
        CurrentActor actor, CancellationToken ct)
    {
        if (!await ReportQueries.Visible(db, await UnitScope.ForAsync(actor, db, ct)).AnyAsync(r => r.Id == id, ct))
            return TypedResults.NotFound();
        return await ReportQueries.DiffAsync(db, id, submissionId, ct) is { } diff ? TypedResults.Ok(diff) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ReportDetail>, NotFound, ValidationProblem>> AnswerAsync(int id, SaveResult<UnitReport> result, DonDocDbContext db,
        CurrentActor actor, TimeProvider clock, string title, CancellationToken ct)
    {
        if (!result.Ok)
            return result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: title);
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await ReportQueries.DetailAsync(db, id, await UnitScope.ForAsync(actor, db, ct), VietnamTime.Today(clock), ct))!);
    }

    /// <summary>A figure sent as null is a figure left blank.</summary>
    private static Dictionary<int, IndicatorValue> Figures(Dictionary<int, IndicatorValue?>? values) =>
        values?.ToDictionary(v => v.Key, v => v.Value ?? new IndicatorValue(null)) ?? [];

    private static IQueryable<ReportTemplate> Templates(DonDocDbContext db) =>
        db.ReportTemplates.AsNoTracking().Include(t => t.Obligations).Include(t => t.Sections).Include(t => t.Indicators).AsSplitQuery();

    private static TemplateDto ToDto(ReportTemplate t) => new(t.Id, t.Name, t.Kind, t.Frequency, t.DueDay, t.DueMonth, t.RecipientUnitId, t.PlanId,
        t.TaskNodeId, t.ObligedGroup, t.Obligations.Select(o => o.UnitId).Order().ToList(),
        t.Sections.OrderBy(s => s.SortOrder).Select(s => new SectionDto(s.Id, s.Title, s.Guidance, s.NodeId)).ToList(),
        t.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorDto(i.Id, i.Code, i.Name, i.Measure, i.Type, i.Aggregation, i.Min, i.Max, i.Required)).ToList(),
        t.CutOff, t.Version);

    private static string Slug(string label) => string.Concat(label.Where(char.IsAsciiLetterOrDigit));
}
