using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using DonDoc.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

public static class PlanEndpoints
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TaskTrackingOptions>().Bind(configuration.GetSection(TaskTrackingOptions.Section))
            .Validate(o => o.DueSoonDays is >= 0 and <= 90, "Tasks:DueSoonDays phải từ 0 đến 90 ngày.")
            .ValidateOnStart();
        return services.AddSingleton<TaskTracking>().AddScoped<SavePlan>().AddScoped<SaveTask>().AddScoped<Progress>().AddScoped<Extensions>()
        .AddScoped<Comments>().AddScoped<FileStore>().AddScoped<TaskSpreadsheet>()
        .AddScoped<LegalDocuments>().AddScoped<TransferAssignments>();
    }

    public sealed record ScheduleRequest(ScheduleKind Kind, DateOnly? DueDate = null, int Day = 0, int Month = 0, int? FirstYear = null, int? LastYear = null)
    {
        public Schedule ToSchedule() => new(Kind, DueDate, Day, Month, FirstYear, LastYear);
    }

    public sealed record NodeRequest(int? ParentId, string Label, string? Heading, string Text, bool IsTask, string? ExpectedOutput = null,
        ScheduleRequest? Schedule = null, string? SchedulePhrase = null, List<int>? LeadUnitIds = null, List<int>? SupportingUnitIds = null,
        string? AssignedAsGroup = null, int? SortOrder = null, long? Version = null)
    {
        public NodeInput ToInput() => new(ParentId, Label, Heading, Text, IsTask, ExpectedOutput, Schedule?.ToSchedule(), SchedulePhrase,
            LeadUnitIds, SupportingUnitIds, AssignedAsGroup, SortOrder);
    }

    public sealed record PlanRequest(string? Symbol, DateOnly? IssuedOn, int IssuingUnitId, string Title, string? Signer = null,
        List<string>? SignatureLines = null, List<string>? Recipients = null, PlanStatus Status = PlanStatus.Draft, int? ParentPlanId = null,
        int? ParentNodeId = null, List<int>? BasisDocumentIds = null, long? Version = null)
    {
        public PlanInput ToInput() => new(Symbol, IssuedOn, IssuingUnitId, Title, Signer, SignatureLines, Recipients, Status, ParentPlanId, ParentNodeId, BasisDocumentIds);
    }

    public sealed record ReviewRequest(bool Accept, string? Note);
    public sealed record ExtensionRequestBody(DateOnly ProposedDueDate, string Reason);
    public sealed record DecisionRequest(bool Approve, DateOnly? ApprovedDueDate, string? Note);
    public sealed record CommentRequest(string Text);

    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Kế hoạch").RequireAuthorization();
        plans.MapGet("/", async (DonDocDbContext db, string? q, CancellationToken ct) => TypedResults.Ok(await PlanQueries.ListAsync(db, q, ct)))
            .WithName("ListPlans").WithSummary("Danh sách kế hoạch, với văn bản căn cứ");
        plans.MapGet("/{id:int}", GetPlanAsync).WithName("GetPlan").WithSummary("Một kế hoạch với cây mục");
        plans.MapGet("/{id:int}/tasks", PlanTasksAsync).WithName("ListPlanTasks")
            .WithSummary("Nhiệm vụ của kế hoạch: đường dẫn (II.2.a), nội dung, thời hạn, đơn vị chủ trì và trạng thái từng kỳ");
        plans.MapPost("/", CreatePlanAsync).WithName("CreatePlan").WithSummary("Lập kế hoạch").RequireAuthorization(Policies.WritePlans);
        plans.MapPut("/{id:int}", UpdatePlanAsync).WithName("UpdatePlan").WithSummary("Sửa kế hoạch").RequireAuthorization(Policies.WritePlans);
        plans.MapDelete("/{id:int}", DeletePlanAsync).WithName("DeletePlan").WithSummary("Xóa kế hoạch đang dự thảo")
            .RequireAuthorization(Policies.WritePlans);
        plans.MapPost("/{id:int}/nodes", AddNodeAsync).WithName("AddPlanNode").WithSummary("Thêm mục hoặc nhiệm vụ vào kế hoạch")
            .RequireAuthorization(Policies.WritePlans);
        app.MapPut("/api/v1/nodes/{id:int}", UpdateNodeAsync).WithTags("Kế hoạch").WithName("UpdatePlanNode")
            .WithSummary("Sửa mục hoặc nhiệm vụ; đơn vị chủ trì, phối hợp và thời hạn của nhiệm vụ").RequireAuthorization(Policies.WritePlans);
        app.MapDelete("/api/v1/nodes/{id:int}", DeleteNodeAsync).WithTags("Kế hoạch").WithName("DeletePlanNode")
            .WithSummary("Xóa mục cùng các mục con, khi chưa đơn vị nào báo cáo").RequireAuthorization(Policies.WritePlans);
        app.MapPost("/api/v1/nodes/{id:int}/comments", CommentAsync).WithTags("Nhiệm vụ").WithName("CommentOnTask")
            .WithSummary("Trao đổi, ý kiến chỉ đạo về nhiệm vụ").RequireAuthorization();

        app.MapDocumentEndpoints();

        var tasks = app.MapGroup("/api/v1").WithTags("Nhiệm vụ").RequireAuthorization();
        tasks.MapGet("/tasks", TaskListAsync).WithName("ListTasks").WithSummary("Danh sách nhiệm vụ (từng kỳ) có lọc và phân trang");
        tasks.MapGet("/tasks/export.xlsx", ExportAsync).WithName("ExportTasks").WithSummary("Xuất danh sách nhiệm vụ đã lọc ra Excel");
        tasks.MapGet("/assignments/{id:int}", AssignmentAsync).WithName("GetAssignment")
            .WithSummary("Một phân công: đơn vị chủ trì, phối hợp và trạng thái từng kỳ");
        tasks.MapGet("/occurrences/{id:int}", OccurrenceAsync).WithName("GetOccurrence").WithSummary("Chi tiết một kỳ của nhiệm vụ, lịch sử cập nhật");
        tasks.MapPost("/occurrences/{id:int}/updates", PostUpdateAsync).WithName("PostProgress")
            .WithSummary("Báo cáo tiến độ, minh chứng (multipart: text, percent, evidenceNumber, evidenceDate, claimsCompletion, completedOn, files)")
            .RequireAuthorization(Policies.ReportProgress).DisableAntiforgery();
        tasks.MapPost("/updates/{id:int}/review", ReviewAsync).WithName("ReviewProgress")
            .WithSummary("Tiếp nhận hoặc trả lại kết quả").RequireAuthorization(Policies.ReviewProgress);
        tasks.MapPost("/occurrences/{id:int}/extensions", RequestExtensionAsync).WithName("RequestExtension")
            .WithSummary("Đề nghị gia hạn").RequireAuthorization(Policies.ReportProgress);
        tasks.MapPost("/extensions/{id:int}/decision", DecideExtensionAsync).WithName("DecideExtension")
            .WithSummary("Đồng ý hoặc không đồng ý gia hạn").RequireAuthorization(Policies.ReviewProgress);
        tasks.MapGet("/files/{id:int}", DownloadAsync).WithName("DownloadFile").WithSummary("Tải tệp minh chứng");
    }


    private static async Task<Results<Ok<PlanDetail>, NotFound>> GetPlanAsync(int id, DonDocDbContext db, CancellationToken ct) =>
        await PlanQueries.DetailAsync(db, id, ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<PlanTaskDto>>, NotFound>> PlanTasksAsync(int id, DonDocDbContext db, CurrentActor actor, TaskTracking tracking, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct))
            return TypedResults.NotFound();
        return TypedResults.Ok(await PlanQueries.TasksAsync(db, id, await UnitScope.ForAsync(actor, db, ct), tracking.Today(), ct));
    }

    private static async Task<Results<Created<PlanDetail>, ValidationProblem>> CreatePlanAsync(PlanRequest request, SavePlan save, CurrentActor actor, DonDocDbContext db, CancellationToken ct)
    {
        var result = await save.CreateAsync(await actor.PrincipalAsync(), request.ToInput(), ct);
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Kế hoạch chưa hợp lệ.");
        return TypedResults.Created($"/api/v1/plans/{result.Value!.Id}", (await PlanQueries.DetailAsync(db, result.Value.Id, ct))!);
    }

    private static async Task<Results<Ok<PlanDetail>, NotFound, ValidationProblem>> UpdatePlanAsync(int id, PlanRequest request, SavePlan save, CurrentActor actor, DonDocDbContext db, CancellationToken ct)
    {
        var result = await save.UpdateAsync(await actor.PrincipalAsync(), id, request.ToInput(), request.Version, ct);
        if (!result.Ok)
            return result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không lưu được kế hoạch.");
        return TypedResults.Ok((await PlanQueries.DetailAsync(db, id, ct))!);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeletePlanAsync(int id, SavePlan save, CurrentActor actor, CancellationToken ct)
    {
        var result = await save.DeleteAsync(await actor.PrincipalAsync(), id, ct);
        return result.Ok ? TypedResults.NoContent()
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không xóa được kế hoạch.");
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteNodeAsync(int id, SaveTask save, CurrentActor actor, CancellationToken ct)
    {
        var result = await save.DeleteAsync(await actor.PrincipalAsync(), id, ct);
        return result.Ok ? TypedResults.NoContent()
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không xóa được mục.");
    }

    private static async Task<Results<Ok<AssignmentDto>, NotFound>> AssignmentAsync(int id, DonDocDbContext db, CurrentActor actor, TaskTracking tracking, CancellationToken ct) =>
        await PlanQueries.AssignmentAsync(db, id, await UnitScope.ForAsync(actor, db, ct), tracking.Today(), ct) is { } assignment
            ? TypedResults.Ok(assignment) : TypedResults.NotFound();

    private static async Task<Results<Created<NodeDto>, NotFound, ValidationProblem>> AddNodeAsync(int id, NodeRequest request, SaveTask save, CurrentActor actor, CancellationToken ct)
    {
        var result = await save.AddAsync(await actor.PrincipalAsync(), id, request.ToInput(), ct);
        if (!result.Ok)
            return result.Errors.ContainsKey("planId") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Mục của kế hoạch chưa hợp lệ.");
        var n = result.Value!;
        return TypedResults.Created($"/api/v1/nodes/{n.Id}", new NodeDto(n.Id, n.ParentId, n.Label, n.Path, n.Heading, n.Text, n.IsTask, n.SortOrder, n.Version));
    }

    private static async Task<Results<Ok<NodeDto>, NotFound, ValidationProblem>> UpdateNodeAsync(int id, NodeRequest request, SaveTask save, CurrentActor actor, CancellationToken ct)
    {
        var result = await save.UpdateAsync(await actor.PrincipalAsync(), id, request.ToInput(), request.Version, ct);
        if (!result.Ok)
            return result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không lưu được mục.");
        var n = result.Value!;
        return TypedResults.Ok(new NodeDto(n.Id, n.ParentId, n.Label, n.Path, n.Heading, n.Text, n.IsTask, n.SortOrder, n.Version));
    }

    private static async Task<Ok<TaskPage>> TaskListAsync([AsParameters] TaskQuery query, DonDocDbContext db, CurrentActor actor, TaskTracking tracking, CancellationToken ct) =>
        TypedResults.Ok(await TaskList.QueryAsync(db, await UnitScope.ForAsync(actor, db, ct), query.ToFilter(), tracking.Today(), ct));

    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] TaskQuery query, DonDocDbContext db, CurrentActor actor, TaskTracking tracking, TaskSpreadsheet sheet, CancellationToken ct)
    {
        var bytes = await sheet.ExportAsync(await UnitScope.ForAsync(actor, db, ct), query.ToFilter(), tracking.Today(), ct);
        return TypedResults.File(bytes, TaskSpreadsheet.ContentType, "nhiem-vu.xlsx");
    }

    private static async Task<Results<Ok<OccurrenceDetailDto>, NotFound>> OccurrenceAsync(int id, DonDocDbContext db, CurrentActor actor, TaskTracking tracking, CancellationToken ct) =>
        await OccurrenceDetail.LoadAsync(db, await UnitScope.ForAsync(actor, db, ct), id, tracking.Today(), ct) is { } detail
            ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<UpdateDto>, NotFound, ValidationProblem>> PostUpdateAsync(
        int id, [FromForm] ProgressForm form, IFormFileCollection? files, Progress progress, CurrentActor actor, CancellationToken ct)
    {
        var uploads = (files ?? new FormFileCollection()).Select(f => new FileStore.Upload(f.FileName, f.OpenReadStream(), f.Length)).ToList();
        var result = await progress.PostAsync(await actor.PrincipalAsync(), id, form.ToInput(), uploads, ct);
        if (!result.Ok)
            return result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Báo cáo tiến độ chưa hợp lệ.");
        var u = result.Value!;
        return TypedResults.Created($"/api/v1/occurrences/{id}", new UpdateDto(u.Id, u.UnitId, "", u.AuthorName, u.PostedAt, u.Text, u.Percent,
            u.EvidenceNumber, u.EvidenceDate, u.ClaimsCompletion, u.ClaimedCompletedOn, u.Review, null, null, null, []));
    }

    private static async Task<Results<Ok, NotFound, ValidationProblem>> ReviewAsync(int id, ReviewRequest request, Progress progress, CurrentActor actor, CancellationToken ct)
    {
        var result = await progress.ReviewAsync(await actor.PrincipalAsync(), id, request.Accept, request.Note, ct);
        return result.Ok ? TypedResults.Ok()
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không xử lý được kết quả.");
    }

    private static async Task<Results<Created<ExtensionDto>, NotFound, ValidationProblem>> RequestExtensionAsync(int id, ExtensionRequestBody body, Extensions extensions, CurrentActor actor, CancellationToken ct)
    {
        var result = await extensions.RequestAsync(await actor.PrincipalAsync(), id, body.ProposedDueDate, body.Reason, ct);
        if (!result.Ok)
            return result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Đề nghị gia hạn chưa hợp lệ.");
        var e = result.Value!;
        return TypedResults.Created($"/api/v1/occurrences/{id}", new ExtensionDto(e.Id, e.RequestedByName, e.RequestedAt, e.Reason, e.ProposedDueDate,
            e.Decision, null, null, e.PreviousDueDate, null, null));
    }

    private static async Task<Results<Ok, NotFound, ValidationProblem>> DecideExtensionAsync(int id, DecisionRequest body, Extensions extensions, CurrentActor actor, CancellationToken ct)
    {
        var result = await extensions.DecideAsync(await actor.PrincipalAsync(), id, body.Approve, body.ApprovedDueDate, body.Note, ct);
        return result.Ok ? TypedResults.Ok()
            : result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Không quyết định được gia hạn.");
    }

    private static async Task<Results<Created<CommentDto>, NotFound, ValidationProblem>> CommentAsync(int id, CommentRequest body, Comments comments, CurrentActor actor, CancellationToken ct)
    {
        var result = await comments.PostAsync(await actor.PrincipalAsync(), id, body.Text, ct);
        if (!result.Ok)
            return result.Errors.ContainsKey("id") ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "Trao đổi chưa hợp lệ.");
        var c = result.Value!;
        return TypedResults.Created($"/api/v1/nodes/{id}/comments", new CommentDto(c.Id, c.AuthorName, c.PostedAt, c.Text, c.IsDirection));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(int id, DonDocDbContext db, CurrentActor actor, FileStore store, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.OwnerType == Progress.OwnerType, ct);
        if (file is null)
            return TypedResults.NotFound();
        var occurrenceId = await db.ProgressUpdates.Where(u => u.Id == file.OwnerId).Select(u => u.OccurrenceId).FirstOrDefaultAsync(ct);
        if (!await TaskList.Visible(db, await UnitScope.ForAsync(actor, db, ct)).AnyAsync(o => o.Id == occurrenceId, ct))
            return TypedResults.NotFound();
        return TypedResults.File(store.Open(file), file.ContentType, file.FileName);
    }
}

/// <summary>The task list's query string: /nhiem-vu?plan=1&amp;unit=5&amp;status=InProgressOverdue&amp;q=...</summary>
public sealed record TaskQuery(int? Plan = null, int? Unit = null, AssignmentStatusCode? Status = null, DateOnly? DueFrom = null,
    DateOnly? DueTo = null, bool Overdue = false, bool DueSoon = false, string? Q = null, int Page = 1, int PageSize = 25,
    string? Section = null, bool? Extended = null)
{
    public TaskFilter ToFilter() => new(Plan, Unit, Status, DueFrom, DueTo, Overdue, DueSoon, Q, Page, PageSize, Section: Section, Extended: Extended);
}

/// <summary>The multipart fields of a progress report.</summary>
public sealed class ProgressForm
{
    public string Text { get; set; } = "";
    public int? Percent { get; set; }
    public string? EvidenceNumber { get; set; }
    public DateOnly? EvidenceDate { get; set; }
    public bool ClaimsCompletion { get; set; }
    public DateOnly? CompletedOn { get; set; }

    public ProgressInput ToInput() => new(Text, Percent, EvidenceNumber, EvidenceDate, ClaimsCompletion, CompletedOn);
}
