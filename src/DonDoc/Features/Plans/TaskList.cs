using System.Linq.Expressions;
using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>The filters of the task list, as they appear in its shareable URL.</summary>
/// <remarks><see cref="Section"/> is a plan item's path ("II.6"): the tasks under it. <see cref="Extended"/> keeps the
/// occurrences whose deadline was (true) or was never (false) extended.</remarks>
public sealed record TaskFilter(
    int? PlanId = null,
    int? UnitId = null,
    AssignmentStatusCode? Status = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    bool OverdueOnly = false,
    bool DueSoonOnly = false,
    string? Text = null,
    int Page = 1,
    int PageSize = 25,
    bool OpenOnly = false,
    string? Section = null,
    bool? Extended = null);

/// <summary>One line of the task list: an occurrence of an assignment, with its computed status.</summary>
public sealed record TaskRow(
    int OccurrenceId, int AssignmentId, int NodeId, int PlanId, string? PlanSymbol, string PlanTitle, string Path, string Content,
    int LeadUnitId, string LeadUnitName, string Period, DateOnly? DueDate, DateOnly? OriginalDueDate, OccurrenceState State,
    DateOnly? CompletedOn, bool Reported, AssignmentStatus Status);

public sealed record TaskPage(IReadOnlyList<TaskRow> Items, int Total, int Page, int PageSize);

/// <summary>
/// Lists occurrences a person may see (their unit's, as lead or coordinating unit, or all for province-wide roles),
/// filtered and paged in the database: the status filter is translated to date comparisons, never computed in a loop.
/// </summary>
public static class TaskList
{
    public static async Task<TaskPage> QueryAsync(DonDocDbContext db, UnitScope scope, TaskFilter filter, StatusDay day,
        CancellationToken ct = default)
    {
        var q = Filter(Visible(db, scope), filter, day);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        // The sort carries only its keys; the page's rows are joined for their texts and names afterwards. Sorting
        // whole rows (task text, plan title, unit name) made every page cost as much as the widest query.
        var pageIds = InListOrder(q).Skip((page - 1) * size).Take(size).Select(o => o.Id);
        var rows = await InListOrder(db.Occurrences.AsNoTracking().Where(o => pageIds.Contains(o.Id)))
            .Select(o => new
            {
                o.Id, o.AssignmentId, o.Assignment!.NodeId, o.Assignment.PlanId, PlanSymbol = o.Assignment.Node!.Plan!.Symbol,
                PlanTitle = o.Assignment.Node.Plan.Title, o.Assignment.Node.Path, o.Assignment.Node.Heading, o.Assignment.Node.Text,
                o.Assignment.LeadUnitId, LeadUnitName = o.Assignment.LeadUnit!.Name, o.Period, o.DueDate, o.OriginalDueDate,
                o.State, o.CompletedOn, o.Reported,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new TaskRow(r.Id, r.AssignmentId, r.NodeId, r.PlanId, r.PlanSymbol, r.PlanTitle, r.Path,
            Summary(r.Heading, r.Text), r.LeadUnitId, r.LeadUnitName, r.Period, r.DueDate, r.OriginalDueDate, r.State, r.CompletedOn,
            r.Reported, Occurrence.StatusOf(r.DueDate, r.State, r.CompletedOn, r.Reported, day))).ToList();
        return new TaskPage(items, total, page, size);
    }

    private static IOrderedQueryable<Occurrence> InListOrder(IQueryable<Occurrence> q) => q
        .OrderBy(o => o.DueDate == null)
        .ThenBy(o => o.DueDate)
        .ThenBy(o => o.Assignment!.Node!.Path)
        .ThenBy(o => o.Id);

    /// <summary>How many visible occurrences are in each status today, counted in one grouped query.</summary>
    public static async Task<Dictionary<AssignmentStatusCode, int>> CountByStatusAsync(DonDocDbContext db, UnitScope scope, DateOnly today, int? planId = null, CancellationToken ct = default)
    {
        var q = Visible(db, scope);
        if (planId is { } id)
            q = q.Where(o => o.Assignment!.PlanId == id);
        var counts = await q
            .GroupBy(StatusExpression(today))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<AssignmentStatusCode>().ToDictionary(c => c, c => counts.FirstOrDefault(x => x.Key == c)?.Count ?? 0);
    }

    /// <summary>The status rules of <see cref="AssignmentStatusRules"/> as one expression the database evaluates, to group by.</summary>
    public static Expression<Func<Occurrence, AssignmentStatusCode>> StatusExpression(DateOnly today) => o => o.DueDate == null
        ? (o.Reported ? AssignmentStatusCode.Reported : AssignmentStatusCode.NotReported)
        : o.State == OccurrenceState.Completed
            ? (o.CompletedOn <= o.DueDate ? AssignmentStatusCode.CompletedOnTime : AssignmentStatusCode.CompletedLate)
            : (o.DueDate >= today ? AssignmentStatusCode.InProgressOnTime : AssignmentStatusCode.InProgressOverdue);

    /// <summary>Occurrences whose lead unit, or one of whose coordinating units, is in the scope.</summary>
    public static IQueryable<Occurrence> Visible(DonDocDbContext db, UnitScope scope)
    {
        var occurrences = db.Occurrences.AsNoTracking();
        if (scope.All)
            return occurrences;
        if (scope.Path is not { } path)
            return occurrences.Where(_ => false);
        // Unit ids from the scope's subtree, looked up once, rather than each row's units matched against the path.
        var units = db.Units.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
        var supported = db.Set<AssignmentSupport>().Where(s => units.Contains(s.UnitId)).Select(s => s.AssignmentId);
        return occurrences.Where(o => units.Contains(o.Assignment!.LeadUnitId) || supported.Contains(o.AssignmentId));
    }

    public static IQueryable<Occurrence> Filter(IQueryable<Occurrence> q, TaskFilter f, StatusDay day)
    {
        if (f.PlanId is { } planId)
            q = q.Where(o => o.Assignment!.PlanId == planId);
        if (f.UnitId is { } unitId)
            q = q.Where(o => o.Assignment!.LeadUnitId == unitId);
        if (f.Section is { Length: > 0 } section)
        {
            var under = section + ".";
            q = q.Where(o => o.Assignment!.Node!.Path == section || o.Assignment.Node.Path.StartsWith(under));
        }
        if (f.Extended is { } extended)
            q = extended ? q.Where(o => o.DueDate != o.OriginalDueDate) : q.Where(o => o.DueDate == o.OriginalDueDate);
        if (f.OpenOnly)
            q = q.Where(o => o.State != OccurrenceState.Completed);
        if (f.DueFrom is { } from)
            q = q.Where(o => o.DueDate >= from);
        if (f.DueTo is { } to)
            q = q.Where(o => o.DueDate <= to);
        if (f.OverdueOnly)
            q = WithStatus(q, AssignmentStatusCode.InProgressOverdue, day.Today);
        if (f.DueSoonOnly)
        {
            var soon = day.DueSoonUntil;
            q = WithStatus(q, AssignmentStatusCode.InProgressOnTime, day.Today).Where(o => o.DueDate <= soon);
        }
        if (f.Status is { } status)
            q = WithStatus(q, status, day.Today);
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var pattern = $"%{f.Text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            q = q.Where(o => EF.Functions.Like(o.Assignment!.Node!.Text.ToLower(), pattern, "\\")
                || (o.Assignment.Node.Heading != null && EF.Functions.Like(o.Assignment.Node.Heading.ToLower(), pattern, "\\"))
                || EF.Functions.Like(o.Assignment.LeadUnit!.Name.ToLower(), pattern, "\\"));
        }
        return q;
    }

    /// <summary>The status rules of <see cref="AssignmentStatusRules"/> as conditions the database evaluates.</summary>
    public static IQueryable<Occurrence> WithStatus(IQueryable<Occurrence> q, AssignmentStatusCode status, DateOnly today) => status switch
    {
        AssignmentStatusCode.CompletedOnTime => q.Where(o => o.DueDate != null && o.State == OccurrenceState.Completed && o.CompletedOn <= o.DueDate),
        AssignmentStatusCode.CompletedLate => q.Where(o => o.DueDate != null && o.State == OccurrenceState.Completed && o.CompletedOn > o.DueDate),
        AssignmentStatusCode.InProgressOnTime => q.Where(o => o.DueDate != null && o.State != OccurrenceState.Completed && o.DueDate >= today),
        AssignmentStatusCode.InProgressOverdue => q.Where(o => o.DueDate != null && o.State != OccurrenceState.Completed && o.DueDate < today),
        AssignmentStatusCode.Reported => q.Where(o => o.DueDate == null && o.Reported),
        AssignmentStatusCode.NotReported => q.Where(o => o.DueDate == null && !o.Reported),
        _ => q,
    };

    private static string Summary(string? heading, string text)
    {
        var s = string.IsNullOrWhiteSpace(heading) ? text : heading;
        return s.Length <= 240 ? s : s[..237] + "…";
    }
}
