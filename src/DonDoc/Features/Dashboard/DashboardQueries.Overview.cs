using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Dashboard;

/// <summary>One unit's tasks by status, as a bar of the overview.</summary>
public sealed record UnitBar(int UnitId, string Name, IReadOnlyDictionary<AssignmentStatusCode, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>The tasks due in one month that missed, or are missing, their deadline.</summary>
public sealed record MonthPoint(DateOnly First, int Overdue, int CompletedLate, int CompletedOnTime)
{
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
}

/// <summary>Where the latest period of one report template stands.</summary>
public sealed record ReportRound(PeriodDto Period, IReadOnlyDictionary<SubmissionStatus, int> Counts, double SubmittedRate);

public sealed record ProvinceOverview(DashboardFilter Filter, IReadOnlyDictionary<AssignmentStatusCode, int> ByStatus, CompletionRates Rates,
    int OnTimeNotExtended, IReadOnlyList<UnitBar> Units, int UnitsWithTasks, IReadOnlyList<MonthPoint> Months, IReadOnlyList<ReportRound> Reports)
{
    /// <summary>Completed on time without an extended deadline ÷ due: the on-time rate as if no extension had been granted.</summary>
    public double? OnTimeRateWithoutExtensions => Rates.Due == 0 ? null : (double)OnTimeNotExtended / Rates.Due;
}

/// <summary>
/// The dashboards' reads: grouped queries only (one row per unit, month or status, never per task), each a static
/// method on a context and a scope so a benchmark can call it as the pages do.
/// </summary>
public static partial class DashboardQueries
{
    public const int UnitBarCount = 10;

    public static async Task<ProvinceOverview> OverviewAsync(DonDocDbContext db, UnitScope scope, DashboardFilter filter, StatusDay day,
        CancellationToken ct = default)
    {
        var tasks = TaskList.Filter(TaskList.Visible(db, scope), filter.Tasks(), day);
        // One pass over the tasks, by lead unit and whether the deadline was extended, gives the totals, both on-time
        // rates and the unit bars.
        var byUnit = await StatusCounts.ByAsync(tasks, o => o.Assignment!.LeadUnitId, o => o.DueDate != o.OriginalDueDate ? 1 : 0, day.Today, ct);
        var totals = StatusCounts.Totals(byUnit);
        var onTimeNotExtended = byUnit.Where(c => c.Key2 == 0 && c.Status == AssignmentStatusCode.CompletedOnTime).Sum(c => c.Count);
        var (units, unitsWithTasks) = await UnitBarsAsync(db, byUnit, ct);
        var months = await MonthsAsync(db, scope, filter, day, ct);
        var reports = await ReportRoundsAsync(db, scope, day.Today, ct);
        return new ProvinceOverview(filter, totals, StatusCounts.Rates(totals), onTimeNotExtended, units, unitsWithTasks, months, reports);
    }

    /// <summary>The units with the most overdue work, then the most work: where a leader looks first.</summary>
    private static async Task<(List<UnitBar>, int)> UnitBarsAsync(DonDocDbContext db, IReadOnlyList<StatusCount> counts, CancellationToken ct)
    {
        var byUnit = counts.GroupBy(c => c.Key).Select(g => (UnitId: g.Key, Counts: StatusCounts.Totals(g))).ToList();
        var top = byUnit.OrderByDescending(u => u.Counts[AssignmentStatusCode.InProgressOverdue]).ThenByDescending(u => u.Counts.Values.Sum())
            .ThenBy(u => u.UnitId).Take(UnitBarCount).ToList();
        var ids = top.Select(u => u.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);
        return (top.Select(u => new UnitBar(u.UnitId, names.GetValueOrDefault(u.UnitId, ""), u.Counts)).ToList(), byUnit.Count);
    }

    public const int TrendMonths = 24;

    /// <summary>
    /// Month by month over the chosen span, at most <see cref="TrendMonths"/> months; without a span, the months up
    /// to this one (all time has no useful axis).
    /// </summary>
    private static async Task<List<MonthPoint>> MonthsAsync(DonDocDbContext db, UnitScope scope, DashboardFilter filter, StatusDay day, CancellationToken ct)
    {
        var thisMonth = new DateOnly(day.Today.Year, day.Today.Month, 1);
        var to = filter.To ?? (filter.From is { } start ? new DateOnly(start.Year, 12, 31) : thisMonth.AddMonths(1).AddDays(-1));
        var from = filter.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(1 - TrendMonths);
        if (to < from)
            to = from;
        if ((to.Year - from.Year) * 12 + to.Month - from.Month >= TrendMonths)
            to = new DateOnly(from.Year, from.Month, 1).AddMonths(TrendMonths).AddDays(-1);
        var tasks = TaskList.Filter(TaskList.Visible(db, scope), filter.Tasks() with { DueFrom = from, DueTo = to }, day);
        var counts = await StatusCounts.ByAsync(tasks, o => o.DueDate!.Value.Year * 100 + o.DueDate.Value.Month, day.Today, ct);
        var points = new List<MonthPoint>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var key = m.Year * 100 + m.Month;
            int Of(AssignmentStatusCode s) => counts.Where(c => c.Key == key && c.Status == s).Sum(c => c.Count);
            points.Add(new MonthPoint(m, Of(AssignmentStatusCode.InProgressOverdue), Of(AssignmentStatusCode.CompletedLate), Of(AssignmentStatusCode.CompletedOnTime)));
        }
        return points;
    }

    /// <summary>Each report template's latest period that has begun: the round units are submitting now.</summary>
    private static async Task<List<ReportRound>> ReportRoundsAsync(DonDocDbContext db, UnitScope scope, DateOnly today, CancellationToken ct)
    {
        var rounds = new List<ReportRound>();
        foreach (var id in await ReportQueries.CurrentRoundIdsAsync(db, scope, today, ct))
        {
            if (await ReportQueries.CompletenessAsync(db, id, scope, today, ct) is { } c)
                rounds.Add(new ReportRound(c.Period, c.Counts, c.SubmittedRate));
        }
        return rounds;
    }
}
