using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Tasks;

/// <summary>The counts at the top of "Việc của đơn vị tôi": what is late, what falls due soon, what is under way or waiting.</summary>
public sealed record MyTaskCounts(int Overdue, int DueSoon, int InProgress, int AwaitingReview);

public static class MyTasks
{
    /// <summary>The open occurrences of the person's units (as lead or coordinating unit), due soonest first.</summary>
    public static TaskFilter Filter(int page = 1, int pageSize = TaskListUrl.DefaultPageSize) => new(OpenOnly: true, Page: page, PageSize: pageSize);

    /// <summary>Counted in the database with the task list's own status conditions, one count per figure.</summary>
    public static async Task<MyTaskCounts> CountAsync(DonDocDbContext db, UnitScope scope, StatusDay day, CancellationToken ct = default)
    {
        var visible = TaskList.Visible(db, scope);
        IQueryable<Occurrence> Where(TaskFilter f) => TaskList.Filter(visible, f, day);
        var overdue = await Where(Filter() with { OverdueOnly = true }).CountAsync(ct);
        var dueSoon = await Where(Filter() with { DueSoonOnly = true }).CountAsync(ct);
        var inProgress = await visible.CountAsync(o => o.State == OccurrenceState.Open, ct);
        var awaiting = await visible.CountAsync(o => o.State == OccurrenceState.AwaitingReview, ct);
        return new MyTaskCounts(overdue, dueSoon, inProgress, awaiting);
    }
}
