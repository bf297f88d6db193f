using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reminders.Rules;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reminders;

/// <summary>
/// One pass of the reminder ladder over every unfinished task period and every report not yet in. Each rung goes
/// to each person once: its notification carries a key ("nhac:nv:{id}:qua-han-4") that the database holds unique
/// per person, so a second pass, a restart or a second app instance on the same database tells nobody twice.
/// </summary>
public sealed class SendReminders(DonDocDbContext db, TimeProvider clock, CalendarDays calendars)
{
    private sealed record Item(string Kind, int Id, int UnitId, string UnitName, DateOnly DueDate, string What, string Link);

    private readonly Notify _notify = new(db, clock);

    /// <returns>How many notifications this pass wrote.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var rules = (await ReminderSettings.LoadAsync(db, ct)).Rules;
        var today = VietnamTime.Today(clock);
        Func<DateOnly, DateOnly, int> days = rules.WorkingDays
            ? (await calendars.CalendarAsync(ct)).CountWorkingDays
            : (from, to) => to.DayNumber - from.DayNumber;
        // Far enough ahead for the longest "before" rung even when counted in working days around Tết.
        var horizon = today.AddDays(2 * rules.DaysBefore.DefaultIfEmpty(0).Max() + 14);
        var items = await ItemsAsync(horizon, ct);
        // Who is told, read once for the pass rather than once an item.
        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        var members = await Notify.PeopleAsync(db, Notify.UnitRoles, unitIds, ct);
        var heads = await Notify.PeopleAsync(db, [Roles.UnitHead], unitIds, ct);
        var coordinators = (await Notify.PeopleAsync(db, [Roles.Coordinator], null, ct)).SelectMany(g => g).ToList();
        var sent = 0;
        foreach (var item in items)
        {
            var ladder = ReminderLadder.Due(item.DueDate, today, rules, days);
            if (ladder.Count == 0)
                continue;
            foreach (var r in ladder)
            {
                var message = new NotificationMessage(NotificationKind.Reminder, $"{r.Title}: {item.What}",
                    $"{item.What} — hạn {VietnamTime.Date(item.DueDate)}. {r.Title}.", item.Link, $"nhac:{item.Kind}:{item.Id}:{r.Key}");
                await (r.Audience switch
                {
                    ReminderAudience.Unit => _notify.ToUsersAsync(members[item.UnitId], message, ct),
                    ReminderAudience.UnitHead => _notify.ToUsersAsync(heads[item.UnitId], message, ct),
                    _ => _notify.ToUsersAsync(coordinators, message with { Text = $"{message.Text} Đơn vị: {item.UnitName}." }, ct),
                });
            }
            // An item at a time, so a clash with another instance (see SaveAsync) drops only that item's rows.
            sent += await SaveAsync(ct);
        }
        return sent;
    }

    private async Task<List<Item>> ItemsAsync(DateOnly horizon, CancellationToken ct)
    {
        var tasks = await db.Occurrences.AsNoTracking()
            .Where(o => o.DueDate != null && o.DueDate <= horizon && o.State != OccurrenceState.Completed)
            .Select(o => new
            {
                o.Id, o.Assignment!.LeadUnitId, UnitName = o.Assignment.LeadUnit!.Name, DueDate = o.DueDate!.Value, o.Assignment.Node!.Path, o.Period,
                Symbol = o.Assignment.Node.Plan!.Symbol,
            })
            .ToListAsync(ct);
        var reports = await db.UnitReports.AsNoTracking()
            .Where(r => r.Period!.DueDate <= horizon && (r.State == ReportState.Draft || r.State == ReportState.AwaitingApproval || r.State == ReportState.Returned))
            .Select(r => new { r.Id, r.UnitId, UnitName = r.Unit!.Name, r.Period!.DueDate, r.Period.Label, r.Period.Template!.Name })
            .ToListAsync(ct);
        return
        [
            .. tasks.Select(t => new Item("nv", t.Id, t.LeadUnitId, t.UnitName, t.DueDate,
                $"Nhiệm vụ {t.Path}{(t.Symbol is null ? "" : $" (Kế hoạch số {t.Symbol})")}{(t.Period == SchedulePeriods.OncePeriod ? "" : $", kỳ {t.Period}")}", $"/nhiem-vu/{t.Id}")),
            .. reports.Select(r => new Item("bc", r.Id, r.UnitId, r.UnitName, r.DueDate, $"{r.Name}, kỳ {r.Label}", $"/bao-cao/{r.Id}")),
        ];
    }

    /// <summary>Another instance may have told the same people a moment earlier: its rows stand, ours are dropped.</summary>
    private async Task<int> SaveAsync(CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<Notification>().Count(e => e.State == EntityState.Added);
        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException)
        {
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
