using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
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
    private sealed record Item(string Kind, int Id, int UnitId, DateOnly DueDate, string What, string Link);

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
        var coordinators = await UsersInRoleAsync(Roles.Coordinator, null, ct);
        var sent = 0;
        foreach (var item in await ItemsAsync(horizon, ct))
        {
            var ladder = ReminderLadder.Due(item.DueDate, today, rules, days);
            if (ladder.Count == 0)
                continue;
            var notify = new Notify(db, clock);
            foreach (var r in ladder)
            {
                var message = new NotificationMessage(NotificationKind.Reminder, $"{r.Title}: {item.What}",
                    $"{item.What} — hạn {VietnamTime.Date(item.DueDate)}. {r.Title}.", item.Link, $"nhac:{item.Kind}:{item.Id}:{r.Key}");
                switch (r.Audience)
                {
                    case ReminderAudience.Unit:
                        await notify.ToUnitAsync(item.UnitId, message, ct: ct);
                        break;
                    case ReminderAudience.UnitHead:
                        await notify.ToUsersAsync(await UsersInRoleAsync(Roles.UnitHead, item.UnitId, ct), message, ct);
                        break;
                    default:
                        await notify.ToUsersAsync(coordinators, message with { Text = $"{message.Text} Đơn vị: {await UnitNameAsync(item.UnitId, ct)}." }, ct);
                        break;
                }
            }
            sent += await SaveAsync(ct);
        }
        return sent;
    }

    private async Task<List<Item>> ItemsAsync(DateOnly horizon, CancellationToken ct)
    {
        var tasks = await db.Occurrences.AsNoTracking()
            .Where(o => o.DueDate != null && o.DueDate <= horizon && o.State != OccurrenceState.Completed)
            .Select(o => new { o.Id, o.Assignment!.LeadUnitId, DueDate = o.DueDate!.Value, o.Assignment.Node!.Path, o.Period, Symbol = o.Assignment.Node.Plan!.Symbol })
            .ToListAsync(ct);
        var reports = await db.UnitReports.AsNoTracking()
            .Where(r => r.Period!.DueDate <= horizon && (r.State == ReportState.Draft || r.State == ReportState.AwaitingApproval || r.State == ReportState.Returned))
            .Select(r => new { r.Id, r.UnitId, r.Period!.DueDate, r.Period.Label, r.Period.Template!.Name })
            .ToListAsync(ct);
        return
        [
            .. tasks.Select(t => new Item("nv", t.Id, t.LeadUnitId, t.DueDate,
                $"Nhiệm vụ {t.Path}{(t.Symbol is null ? "" : $" (Kế hoạch {t.Symbol})")}, kỳ {t.Period}", $"/nhiem-vu/{t.Id}")),
            .. reports.Select(r => new Item("bc", r.Id, r.UnitId, r.DueDate, $"{r.Name}, kỳ {r.Label}", $"/bao-cao/{r.Id}")),
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

    private Task<List<int>> UsersInRoleAsync(string role, int? unitId, CancellationToken ct) =>
        db.Users.Where(u => u.IsActive && (unitId == null || u.UnitId == unitId)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == role)))
            .Select(u => u.Id).ToListAsync(ct);

    private Task<string> UnitNameAsync(int unitId, CancellationToken ct) =>
        db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(ct);
}
