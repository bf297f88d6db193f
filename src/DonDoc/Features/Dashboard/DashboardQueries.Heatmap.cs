using DonDoc.Data;
using DonDoc.Features.Dashboard.Rules;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Dashboard;

/// <summary>A task group: a second-level item of the plan ("II.6"), or a top-level one that is itself a task.</summary>
public sealed record TaskGroup(string Path, string Title);

public sealed record HeatmapCell(IReadOnlyDictionary<AssignmentStatusCode, int> Counts)
{
    public int Total => Counts.Values.Sum();
    public AssignmentStatusCode? Worst => Urgency.Worst(Counts);
}

public sealed record HeatmapRow(int UnitId, string UnitName, IReadOnlyDictionary<string, HeatmapCell> Cells);

public sealed record Heatmap(DashboardFilter Filter, IReadOnlyList<TaskGroup> Groups, IReadOnlyList<HeatmapRow> Rows);

public static partial class DashboardQueries
{
    /// <summary>
    /// Lead units × the plan's task groups. The database counts per task and unit; tasks are then folded into their
    /// group here, from the plan's own outline (a plan has hundreds of items, not the province's occurrences).
    /// </summary>
    public static async Task<Heatmap> HeatmapAsync(DonDocDbContext db, UnitScope scope, DashboardFilter filter, StatusDay day, CancellationToken ct = default)
    {
        if (filter.PlanId is not { } planId)
            return new Heatmap(filter, [], []);
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.PlanId == planId).OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Path, n.Heading, n.Text, n.IsTask }).ToListAsync(ct);
        // An imported plan may number two items alike ("7." twice); the group takes the first one's title.
        var byPath = nodes.GroupBy(n => n.Path).ToDictionary(g => g.Key, g => g.First());
        var groupOf = nodes.Where(n => n.IsTask).ToDictionary(n => n.Id, n => GroupPath(n.Path));
        var groups = groupOf.Values.Distinct().OrderBy(PlanQueries.PathKey, StringComparer.Ordinal)
            .Select(p => new TaskGroup(p, byPath.TryGetValue(p, out var n) ? Title(n.Heading ?? n.Text) : "")).ToList();
        var tasks = TaskList.Filter(TaskList.Visible(db, scope), filter.Tasks(), day);
        var counts = await StatusCounts.ByAsync(tasks, o => o.Assignment!.LeadUnitId, o => o.Assignment!.NodeId, day.Today, ct);
        var unitIds = counts.Select(c => c.Key).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.ShortName ?? u.Name, u.Kind, u.SortOrder }).ToListAsync(ct);
        var byUnit = counts.Where(c => groupOf.ContainsKey(c.Key2)).ToLookup(c => c.Key);
        var rows = units.OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Create(Calendar.VietnamTime.Culture, false))
            .Select(u => new HeatmapRow(u.Id, u.Name, byUnit[u.Id].GroupBy(c => groupOf[c.Key2]).ToDictionary(g => g.Key, g => new HeatmapCell(StatusCounts.Totals(g)))))
            .ToList();
        return new Heatmap(filter, groups, rows);
    }

    /// <summary>"II.6.b" → "II.6"; "III.2.-1" → "III.2"; a top-level task stands for itself.</summary>
    public static string GroupPath(string path)
    {
        var parts = path.Split('.');
        return parts.Length <= 2 ? path : $"{parts[0]}.{parts[1]}";
    }

    private static string Title(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
