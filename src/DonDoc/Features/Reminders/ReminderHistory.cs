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
            .GroupBy(x => new { x.UnitId, x.Name })
            .Select(g => new UnitReminderCount(g.Key.UnitId, g.Key.Name, g.Select(x => x.DedupKey).Distinct().Count(),
                g.Where(x => x.DedupKey!.EndsWith(":thu-truong")).Select(x => x.DedupKey).Distinct().Count(), g.Max(x => x.CreatedAt)))
            .ToListAsync(ct);
        // Ordered here: the databases' collations do not sort Vietnamese names as the culture does.
        return rows
            .OrderByDescending(c => c.Reminders).ThenBy(c => c.UnitName, StringComparer.Create(Calendar.VietnamTime.Culture, false))
            .ToList();
    }
}
