using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Units;

public static class UnitEndpoints
{
    public static IServiceCollection AddUnits(this IServiceCollection services) =>
        services.AddScoped<SaveUnit>().AddScoped<UnitSpreadsheet>();

    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Đơn vị").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListUnits").WithSummary("Danh sách đơn vị trong phạm vi của người dùng");
        group.MapGet("/{id:int}", GetAsync).WithName("GetUnit").WithSummary("Một đơn vị");
        group.MapPost("/", CreateAsync).WithName("CreateUnit").WithSummary("Thêm đơn vị").RequireAuthorization(Policies.ManageUnits);
        group.MapPut("/{id:int}", UpdateAsync).WithName("UpdateUnit").WithSummary("Sửa đơn vị").RequireAuthorization(Policies.ManageUnits);
        group.MapPost("/{id:int}/deactivate", DeactivateAsync).WithName("DeactivateUnit")
            .WithSummary("Chấm dứt hiệu lực của đơn vị (sáp nhập, giải thể)").RequireAuthorization(Policies.ManageUnits);
        group.MapGet("/export.xlsx", ExportAsync).WithName("ExportUnits").WithSummary("Xuất danh sách đơn vị ra tệp Excel");
        group.MapPost("/import", ImportAsync).WithName("ImportUnits").WithSummary("Nhập danh sách đơn vị từ tệp Excel")
            .RequireAuthorization(Policies.ManageUnits).DisableAntiforgery();
    }

    public sealed record UnitDto(
        int Id, string Code, string Name, string? ShortName, IReadOnlyList<string> Aliases, UnitKind Kind,
        int? ParentId, string? ParentName, DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId, string? SuccessorName,
        bool Active, long Version)
    {
        public string KindLabel => Kind.Label();
    }

    public sealed record UnitRequest(
        string Code, string Name, string? ShortName, List<string>? Aliases, UnitKind Kind, int? ParentId,
        DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId, int SortOrder = 0, long? Version = null)
    {
        public UnitInput ToInput() => new(Code, Name, ShortName, Aliases ?? [], Kind, ParentId, ValidFrom, ValidTo, SuccessorId, SortOrder);
    }

    public sealed record DeactivateRequest(DateOnly? LastDay, int? SuccessorId);

    private static async Task<Ok<List<UnitDto>>> ListAsync(
        DonDocDbContext db, CurrentActor actor, TimeProvider clock, string? q = null, bool includeInactive = false, UnitKind? kind = null)
    {
        var scope = await UnitScope.ForAsync(actor, db);
        var query = UnitQueries.Search(db.Units.VisibleIn(scope), q, kind, includeInactive ? null : VietnamTime.Today(clock));
        return TypedResults.Ok(await query.ToDtos(VietnamTime.Today(clock)).ToListAsync());
    }

    private static async Task<Results<Ok<UnitDto>, NotFound>> GetAsync(int id, DonDocDbContext db, CurrentActor actor, TimeProvider clock)
    {
        var scope = await UnitScope.ForAsync(actor, db);
        var unit = await db.Units.VisibleIn(scope).Where(u => u.Id == id).ToDtos(VietnamTime.Today(clock)).FirstOrDefaultAsync();
        return unit is null ? TypedResults.NotFound() : TypedResults.Ok(unit);
    }

    private static async Task<Results<Created<UnitDto>, ValidationProblem>> CreateAsync(UnitRequest request, SaveUnit save, DonDocDbContext db, TimeProvider clock)
    {
        var result = await save.CreateAsync(request.ToInput());
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Dữ liệu đơn vị chưa hợp lệ.");
        var dto = await db.Units.Where(u => u.Id == result.Value!.Id).ToDtos(VietnamTime.Today(clock)).FirstAsync();
        return TypedResults.Created($"/api/v1/units/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ValidationProblem>> UpdateAsync(int id, UnitRequest request, SaveUnit save, DonDocDbContext db, TimeProvider clock)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id))
            return TypedResults.NotFound();
        var result = await save.UpdateAsync(id, request.ToInput(), request.Version);
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Không lưu được đơn vị.");
        return TypedResults.Ok(await db.Units.Where(u => u.Id == id).ToDtos(VietnamTime.Today(clock)).FirstAsync());
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ValidationProblem>> DeactivateAsync(
        int id, DeactivateRequest request, SaveUnit save, DonDocDbContext db, TimeProvider clock)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id))
            return TypedResults.NotFound();
        var result = await save.DeactivateAsync(id, request.LastDay ?? VietnamTime.Today(clock), request.SuccessorId);
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Không chấm dứt được hiệu lực của đơn vị.");
        return TypedResults.Ok(await db.Units.Where(u => u.Id == id).ToDtos(VietnamTime.Today(clock)).FirstAsync());
    }

    private static async Task<FileContentHttpResult> ExportAsync(DonDocDbContext db, CurrentActor actor, UnitSpreadsheet sheet)
    {
        var scope = await UnitScope.ForAsync(actor, db);
        var bytes = await sheet.ExportAsync(db.Units.VisibleIn(scope));
        return TypedResults.File(bytes, UnitSpreadsheet.ContentType, "don-vi.xlsx");
    }

    private static async Task<Results<Ok<UnitSpreadsheet.ImportReport>, ValidationProblem>> ImportAsync(IFormFile file, UnitSpreadsheet sheet)
    {
        await using var stream = file.OpenReadStream();
        var report = await sheet.ImportAsync(stream, file.Length);
        return report.Ok
            ? TypedResults.Ok(report)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = report.Errors.ToArray() },
                title: "Tệp Excel chưa hợp lệ; không có thay đổi nào được lưu.");
    }
}
