using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reminders;

/// <summary>How often each unit has been reminded: distinct rungs its people received, and the latest.</summary>
public sealed record UnitReminderCount(int UnitId, string UnitName, int Reminders, int Escalations, DateTime Latest);

public static class ReminderHistory
{
    public static async Task<List<UnitReminderCount>> PerUnitAsync(DonDocDbContext db, UnitScope scope, CancellationToken ct = default)
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Reminder)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.DedupKey, n.CreatedAt, u.UnitId })
            .Join(db.Units.VisibleIn(scope), x => x.UnitId, u => u.Id, (x, u) => new { x.DedupKey, x.CreatedAt, UnitId = u.Id, u.Name, u.Kind })
            .Where(x => x.Kind != Units.UnitKind.Province)
            .GroupBy(x => new { x.UnitId, x.Name, x.DedupKey })
            .Select(g => new { g.Key.UnitId, g.Key.Name, g.Key.DedupKey, At = g.Max(x => x.CreatedAt) })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.UnitId, r.Name))
            .Select(g => new UnitReminderCount(g.Key.UnitId, g.Key.Name, g.Count(), g.Count(r => r.DedupKey!.EndsWith(":thu-truong", StringComparison.Ordinal)),
                g.Max(r => r.At)))
            .OrderByDescending(c => c.Reminders).ThenBy(c => c.UnitName, StringComparer.Create(Calendar.VietnamTime.Culture, false))
            .ToList();
    }
}
