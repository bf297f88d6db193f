using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Dashboard;

/// <summary>
/// What the overview looks at: one plan or all, and the due dates of a span (a year, a range) or all time. Every
/// figure is counted with the task list's own filter, so its link shows exactly the tasks counted.
/// </summary>
public sealed record DashboardFilter(int? PlanId = null, DateOnly? From = null, DateOnly? To = null)
{
    public static DashboardFilter Year(int year, int? planId = null) => new(planId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Standing duties have no deadline, so a span of due dates leaves them out, as the task list does.</summary>
    public bool HasSpan => From is not null || To is not null;

    public TaskFilter Tasks(AssignmentStatusCode? status = null, int? unitId = null, bool? extended = null, string? section = null) =>
        new(PlanId: PlanId, UnitId: unitId, Status: status, DueFrom: From, DueTo: To, Extended: extended, Section: section);
}
