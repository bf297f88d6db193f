using DonDoc.Data;
using DonDoc.Features.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Features.Dashboard;

/// <summary>The public portal's switch (section "PublicPortal"): off, its pages answer 404.</summary>
public sealed class PublicPortalOptions
{
    public const string Section = "PublicPortal";
    public bool Enabled { get; set; }
}

/// <summary>The unit ranking under /api/v1/rankings, as JSON and as a spreadsheet.</summary>
public static class DashboardEndpoints
{
    public const int FirstYear = 2000;

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PublicPortalOptions>(configuration.GetSection(PublicPortalOptions.Section))
            .Configure<DashboardCacheOptions>(configuration.GetSection(DashboardCacheOptions.Section))
            .AddMemoryCache().AddSingleton<DashboardCache>().AddSingleton<DashboardInvalidation>();

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var rankings = app.MapGroup("/api/v1").WithTags("Xếp hạng đơn vị").RequireAuthorization();
        rankings.MapGet("/rankings", RankingAsync).WithName("GetUnitRanking")
            .WithSummary("Xếp hạng đơn vị trong một năm: tỷ lệ hoàn thành đúng hạn, số nhiệm vụ quá hạn, tỷ lệ báo cáo đúng hạn (kind: All, Departments, Localities)");
        rankings.MapGet("/rankings.xlsx", RankingSheetAsync).WithName("ExportUnitRanking").WithSummary("Xếp hạng đơn vị, Excel");
    }

    private static async Task<Results<Ok<RankingDto>, ValidationProblem>> RankingAsync(int? year, string? kind, DonDocDbContext db, DashboardCache cache,
        TaskTracking tracking) =>
        await LoadAsync(year, kind, db, cache, tracking) is { } r ? TypedResults.Ok(r) : Invalid(year, kind, tracking);

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> RankingSheetAsync(int? year, string? kind, DonDocDbContext db,
        DashboardCache cache, TaskTracking tracking, CancellationToken ct) =>
        await LoadAsync(year, kind, db, cache, tracking) is { } r
            ? TypedResults.File(await RankingSpreadsheet.ExportAsync(r, ct), RankingSpreadsheet.ContentType, RankingSpreadsheet.FileName(r))
            : Invalid(year, kind, tracking);

    /// <returns>Null when the year or the kind is not one the ranking can be made for.</returns>
    private static async Task<RankingDto?> LoadAsync(int? year, string? kind, DonDocDbContext db, DashboardCache cache, TaskTracking tracking)
    {
        var today = tracking.Today().Today;
        if (YearError(year, today) is not null || !TryGroup(kind, out var group))
            return null;
        return RankingDto.From((await cache.RankingAsync(db, year ?? today.Year, group, today)).Value);
    }

    private static ValidationProblem Invalid(int? year, string? kind, TaskTracking tracking)
    {
        var errors = new Dictionary<string, string[]>();
        if (YearError(year, tracking.Today().Today) is { } message)
            errors["year"] = [message];
        if (!TryGroup(kind, out _))
            errors["kind"] = ["Loại đơn vị phải là All (tất cả), Departments (sở, ban, ngành) hoặc Localities (địa phương)."];
        return TypedResults.ValidationProblem(errors, title: "Không xếp hạng được.");
    }

    public static string? YearError(int? year, DateOnly today) =>
        year is { } y && (y < FirstYear || y > today.Year) ? $"Năm phải từ {FirstYear} đến {today.Year}." : null;

    public static bool TryGroup(string? kind, out RankingGroup group)
    {
        group = RankingGroup.All;
        return string.IsNullOrWhiteSpace(kind) || (Enum.TryParse(kind.Trim(), ignoreCase: true, out group) && Enum.IsDefined(group));
    }
}
