using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Urging;

/// <summary>Which of the board's lists, and its filters.</summary>
public sealed record BoardFilter(bool DueSoon = false, int? PlanId = null, UnitKind? UnitKind = null, int? UnitId = null, string? Text = null);

/// <summary>An unfinished occurrence with a deadline, named by its lead unit; <see cref="DaysLate"/> is null while it is not yet due.</summary>
public sealed record OpenItem(int OccurrenceId, int UnitId, string UnitName, UnitKind UnitKind, int PlanId, string? PlanSymbol, string PlanTitle,
    string Path, string? Heading, string Text, string Period, DateOnly DueDate, int? DaysLate)
{
    public string Content => string.IsNullOrWhiteSpace(Heading) ? Text : Heading;
}

/// <summary>One unit's items on the board, with how often it has been urged so far.</summary>
public sealed record UnitGroup(int UnitId, string UnitName, UnitKind UnitKind, IReadOnlyList<OpenItem> Items, int TimesUrged, DateOnly? LastUrged)
{
    public int MaxDaysLate => Items.Max(i => i.DaysLate ?? 0);
}

/// <summary>Overdue and due-soon work across the units a person may see, grouped by lead unit.</summary>
public static class OverdueQueries
{
    /// <summary>More than a province ever has open at once; a cap keeps a runaway filter from loading everything.</summary>
    public const int MaxItems = 5000;

    public static async Task<List<UnitGroup>> BoardAsync(DonDocDbContext db, UnitScope scope, BoardFilter filter, StatusDay day, CancellationToken ct = default)
    {
        var items = await OpenItemsAsync(db, scope, filter, null, day, ct);
        var counts = await UrgingHistory.CountsAsync(db, items.Select(i => i.UnitId).Distinct().ToList(), ct);
        return items.GroupBy(i => i.UnitId)
            .Select(g => new UnitGroup(g.Key, g.First().UnitName, g.First().UnitKind, g.ToList(),
                counts.GetValueOrDefault(g.Key)?.Times ?? 0, counts.GetValueOrDefault(g.Key)?.Last))
            .OrderByDescending(g => g.Items.Count).ThenByDescending(g => g.MaxDaysLate).ThenBy(g => g.UnitName, StringComparer.Create(Calendar.VietnamTime.Culture, false))
            .ToList();
    }

    /// <summary>The occurrences of the list (overdue, or due soon), optionally of the given lead units only, most urgent first.</summary>
    public static async Task<List<OpenItem>> OpenItemsAsync(DonDocDbContext db, UnitScope scope, BoardFilter filter, int[]? unitIds,
        StatusDay day, CancellationToken ct = default)
    {
        var q = TaskList.Filter(TaskList.Visible(db, scope),
            new TaskFilter(PlanId: filter.PlanId, UnitId: filter.UnitId, OverdueOnly: !filter.DueSoon, DueSoonOnly: filter.DueSoon, Text: filter.Text), day);
        if (filter.UnitKind is { } kind)
            q = q.Where(o => o.Assignment!.LeadUnit!.Kind == kind);
        if (unitIds is not null)
            q = q.Where(o => unitIds.Contains(o.Assignment!.LeadUnitId));
        var rows = await q
            .OrderBy(o => o.DueDate).ThenBy(o => o.Assignment!.Node!.Path).ThenBy(o => o.Id)
            .Take(MaxItems)
            .Select(o => new
            {
                o.Id, o.Assignment!.LeadUnitId, UnitName = o.Assignment.LeadUnit!.Name, UnitKind = o.Assignment.LeadUnit.Kind, o.Assignment.PlanId,
                PlanSymbol = o.Assignment.Node!.Plan!.Symbol, PlanTitle = o.Assignment.Node.Plan.Title, o.Assignment.Node.Path,
                o.Assignment.Node.Heading, o.Assignment.Node.Text, o.Period, DueDate = o.DueDate!.Value,
            })
            .ToListAsync(ct);
        return rows.Select(r => new OpenItem(r.Id, r.LeadUnitId, r.UnitName, r.UnitKind, r.PlanId, r.PlanSymbol, r.PlanTitle, r.Path, r.Heading, r.Text,
            r.Period, r.DueDate, r.DueDate < day.Today ? day.Today.DayNumber - r.DueDate.DayNumber : null)).ToList();
    }
}
