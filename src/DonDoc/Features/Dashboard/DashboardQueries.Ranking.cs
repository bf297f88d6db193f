using DonDoc.Data;
using DonDoc.Features.Dashboard.Rules;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Dashboard;

/// <summary>Which units are ranked together: agencies with agencies, localities with localities.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RankingGroup>))]
public enum RankingGroup
{
    All,
    Departments,  // sở, ban, ngành và cơ quan cấp tỉnh
    Localities,   // UBND cấp huyện, cấp xã
}

public sealed record UnitRanking(int Year, RankingGroup Group, IReadOnlyList<RankedUnit> Units);

public static partial class DashboardQueries
{
    public static string Label(this RankingGroup group) => group switch
    {
        RankingGroup.Departments => "Sở, ban, ngành và cơ quan cấp tỉnh",
        RankingGroup.Localities => "Địa phương (UBND cấp huyện, cấp xã)",
        _ => "Tất cả đơn vị",
    };

    public static UnitKind[] Kinds(this RankingGroup group) => group switch
    {
        RankingGroup.Departments => [UnitKind.Department, UnitKind.ProvincialBody],
        RankingGroup.Localities => [UnitKind.District, UnitKind.Commune],
        _ => [UnitKind.Department, UnitKind.ProvincialBody, UnitKind.District, UnitKind.Commune],
    };

    /// <summary>
    /// The units of the group that existed during the year, each with its tasks due that year (as lead unit) and its
    /// reports of periods whose deadline fell in the year and has passed: three grouped queries, whatever the size.
    /// The ranking covers the whole province whoever asks: it is the province's public record.
    /// </summary>
    public static async Task<UnitRanking> RankingAsync(DonDocDbContext db, int year, RankingGroup group, DateOnly today, CancellationToken ct = default)
    {
        var kinds = group.Kinds();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var units = await db.Units.AsNoTracking()
            .Where(u => kinds.Contains(u.Kind) && (u.ValidFrom == null || u.ValidFrom <= last) && (u.ValidTo == null || u.ValidTo >= first))
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind }).ToListAsync(ct);
        var tasks = db.Occurrences.AsNoTracking().Where(o => o.DueDate >= first && o.DueDate <= last && kinds.Contains(o.Assignment!.LeadUnit!.Kind));
        var counts = (await StatusCounts.ByAsync(tasks, o => o.Assignment!.LeadUnitId, today, ct)).ToLookup(c => c.Key);
        var reports = (await db.UnitReports.AsNoTracking()
                .Where(r => r.Period!.DueDate >= first && r.Period.DueDate <= last && r.Period.DueDate < today)
                .Select(r => new { r.UnitId, OnTime = r.FirstSubmittedOn != null && r.FirstSubmittedOn <= r.Period!.DueDate })
                .GroupBy(r => r.UnitId)
                .Select(g => new { UnitId = g.Key, Due = g.Count(), OnTime = g.Count(r => r.OnTime) })
                .ToListAsync(ct))
            .ToDictionary(r => r.UnitId);
        var figures = units.Select(u =>
        {
            var t = StatusCounts.Totals(counts[u.Id]);
            var r = reports.GetValueOrDefault(u.Id);
            return new UnitFigures(u.Id, u.Code, u.Name, u.Kind, t[AssignmentStatusCode.CompletedOnTime], t[AssignmentStatusCode.CompletedLate],
                t[AssignmentStatusCode.InProgressOverdue], r?.Due ?? 0, r?.OnTime ?? 0);
        });
        return new UnitRanking(year, group, Ranking.Order(figures));
    }

    /// <summary>The years there is work due in, newest first, up to this year (the year pickers' choices).</summary>
    public static async Task<List<int>> YearsAsync(DonDocDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var first = await db.Occurrences.Where(o => o.DueDate != null).MinAsync(o => o.DueDate, ct) ?? today;
        return Enumerable.Range(first.Year, Math.Max(today.Year - first.Year + 1, 1)).Reverse().ToList();
    }

    /// <summary>The task list behind a unit's figures: its tasks as lead unit due in the year.</summary>
    public static TaskFilter RankingTasks(int unitId, int year, AssignmentStatusCode? status = null) =>
        DashboardFilter.Year(year).Tasks(status, unitId);
}
