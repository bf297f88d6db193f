using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Dashboard;

/// <summary>A report the unit still has to send: a draft, one awaiting the unit head, or one returned.</summary>
public sealed record ReportToSubmit(int ReportId, string TemplateName, string PeriodLabel, DateOnly DueDate, string UnitName, ReportState State);

public sealed record ReminderItem(int Id, string Title, string Text, string Link, DateTime CreatedAt, bool Read);

public sealed record UnitDashboard(IReadOnlyDictionary<AssignmentStatusCode, int> ByStatus, CompletionRates Rates, TaskPage DueSoon, TaskPage Overdue,
    IReadOnlyList<ReportToSubmit> Reports, int ReportsToSubmit, IReadOnlyList<ReminderItem> Reminders, int UnreadReminders);

public static partial class DashboardQueries
{
    public const int UnitListSize = 5;

    /// <summary>A unit person's own work: their units' tasks, reports still to send, and the reminders sent to them.</summary>
    public static async Task<UnitDashboard> UnitAsync(DonDocDbContext db, UnitScope scope, int userId, StatusDay day, CancellationToken ct = default)
    {
        var byStatus = await TaskList.CountByStatusAsync(db, scope, day.Today, ct: ct);
        var dueSoon = await TaskList.QueryAsync(db, scope, new TaskFilter(DueSoonOnly: true, PageSize: UnitListSize), day, ct);
        var overdue = await TaskList.QueryAsync(db, scope, new TaskFilter(OverdueOnly: true, PageSize: UnitListSize), day, ct);
        // Only the nearest few: a unit over a whole subtree (the UBND tỉnh's office) can have thousands outstanding,
        // and every row held here stays in the circuit's memory while the page is open.
        var toSubmit = ReportQueries.Visible(db, scope)
            .Where(r => r.State == ReportState.Draft || r.State == ReportState.AwaitingApproval || r.State == ReportState.Returned);
        var reports = await toSubmit.OrderBy(r => r.Period!.DueDate).ThenBy(r => r.Id).Take(UnitListSize)
            .Select(r => new ReportToSubmit(r.Id, r.Period!.Template!.Name, r.Period.Label, r.Period.DueDate, r.Unit!.Name, r.State))
            .ToListAsync(ct);
        var reportsToSubmit = await toSubmit.CountAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Kind == NotificationKind.Reminder);
        var reminders = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(UnitListSize)
            .Select(n => new ReminderItem(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return new UnitDashboard(byStatus, StatusCounts.Rates(byStatus), dueSoon, overdue, reports, reportsToSubmit, reminders, unread);
    }
}
