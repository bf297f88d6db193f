using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Dashboard;

/// <summary>One quarter of a plan's year: its tasks due then, by status.</summary>
public sealed record QuarterProgress(int Quarter, CompletionRates Rates);

public sealed record PlanYearProgress(int PlanId, string? Symbol, string Title, IReadOnlyList<QuarterProgress> Quarters);

public static partial class DashboardQueries
{
    /// <summary>
    /// The province's issued plans with work due in the year, quarter by quarter, for the public portal: the whole
    /// province (it is published), one grouped query over the year's occurrences.
    /// </summary>
    public static async Task<List<PlanYearProgress>> PlanProgressByQuarterAsync(DonDocDbContext db, int year, DateOnly today, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var tasks = db.Occurrences.AsNoTracking().Where(o => o.DueDate >= first && o.DueDate <= last
            && o.Assignment!.Node!.Plan!.Status == PlanStatus.Issued && o.Assignment.Node.Plan.ParentPlanId == null);
        var counts = await StatusCounts.ByAsync(tasks, o => o.Assignment!.PlanId, o => (o.DueDate!.Value.Month + 2) / 3, today, ct);
        var planIds = counts.Select(c => c.Key).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Id).Select(p => new { p.Id, p.Symbol, p.Title }).ToListAsync(ct);
        var byPlan = counts.ToLookup(c => c.Key);
        return plans.Select(p => new PlanYearProgress(p.Id, p.Symbol, p.Title, Enumerable.Range(1, 4)
            .Select(q => new QuarterProgress(q, StatusCounts.Rates(StatusCounts.Totals(byPlan[p.Id].Where(c => c.Key2 == q))))).ToList())).ToList();
    }
}
