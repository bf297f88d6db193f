using DonDoc.Data;
using DonDoc.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace DonDoc.Features.Notifications;

/// <param name="DedupKey">Names the event; a second call with the same key tells nobody twice. None: a new key (the
/// caller's own transaction is what makes the event happen once).</param>
public sealed record NotificationMessage(NotificationKind Kind, string Title, string Text, string Link, string? DedupKey = null);

/// <summary>
/// Tells people of an event: a notification for each, and for those who want mail at once an
/// <see cref="OutboxMessage"/>. It only adds rows to the caller's context and never saves: the caller's own
/// <c>SaveChangesAsync</c> (and its transaction) writes them with the change they tell of, or neither is written.
/// A caller with nothing else to save (a scheduled reminder) calls <c>SaveChangesAsync</c> on the same context
/// afterwards. Open bells of the people told are signalled once that save has committed.
/// </summary>
/// <remarks>Built from the caller's context (<c>new Notify(db, clock)</c>) or resolved from the same DI scope as it.</remarks>
public sealed class Notify(DonDocDbContext db, TimeProvider clock)
{
    /// <summary>Who hears of a unit's work: its heads and officers, the people who act on its tasks and reports.</summary>
    public static readonly string[] UnitRoles = [Roles.UnitHead, Roles.UnitOfficer];

    /// <summary>The unit's active heads and officers.</summary>
    public async Task ToUnitAsync(int unitId, NotificationMessage message, int? exceptUserId = null, CancellationToken ct = default)
    {
        var members = (await PeopleAsync(db, UnitRoles, [unitId], ct))[unitId].Where(id => id != exceptUserId);
        await ToUsersAsync(members, message, ct);
    }

    /// <summary>
    /// The active people holding one of <paramref name="roles"/>, by unit: of the given units, or of all when none are
    /// given. A caller telling many units at once (a reminder pass) reads them once instead of once a unit.
    /// </summary>
    public static async Task<ILookup<int, int>> PeopleAsync(DonDocDbContext db, IReadOnlyCollection<string> roles, IReadOnlyCollection<int>? unitIds,
        CancellationToken ct = default)
    {
        var people = db.Users.Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
        if (unitIds is not null)
            people = people.Where(u => unitIds.Contains(u.UnitId));
        return (await people.Select(u => new { u.UnitId, u.Id }).ToListAsync(ct)).ToLookup(u => u.UnitId, u => u.Id);
    }

    public async Task ToUsersAsync(IEnumerable<int> userIds, NotificationMessage message, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
            return;
        var key = message.DedupKey ?? $"event:{Guid.NewGuid():N}";
        var toldHere = db.Notifications.Local.Where(n => n.DedupKey == key).Select(n => n.UserId).ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive && !toldHere.Contains(u.Id) && !db.Notifications.Any(n => n.DedupKey == key && n.UserId == u.Id))
            .Select(u => new
            {
                u.Id, u.Email, u.FullName,
                Channel = db.NotificationPreferences.Where(p => p.UserId == u.Id).Select(p => (NotificationChannel?)p.Channel).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (recipients.Count == 0)
            return;
        var email = Service<IOptions<EmailOptions>>()?.Value ?? new EmailOptions();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in recipients)
        {
            var notification = new Notification
            {
                UserId = r.Id,
                Kind = message.Kind,
                Title = Fit(message.Title, NotificationConfiguration.TitleLength),
                Text = Fit(message.Text, NotificationConfiguration.TextLength),
                Link = message.Link,
                DedupKey = key,
                CreatedAt = now,
            };
            db.Notifications.Add(notification);
            if ((r.Channel ?? NotificationPreference.Default) == NotificationChannel.EmailImmediately && !string.IsNullOrWhiteSpace(r.Email))
                db.OutboxMessages.Add(MailComposer.ForNotification(new(r.Id, r.Email, r.FullName), notification, email, now));
        }
        SignalAfterCommit(recipients.Select(r => r.Id).ToList());
    }

    public static string Fit(string text, int length)
    {
        var t = text.Trim();
        return t.Length <= length ? t : t[..(length - 1)].TrimEnd() + "…";
    }

    private void SignalAfterCommit(List<int> userIds)
    {
        if (Service<NotificationSignals>() is not { } signals)
            return;
        void Handler(object? sender, SavedChangesEventArgs e)
        {
            // Inside the caller's own transaction the rows are not visible yet; the bells' timer picks them up.
            if (db.Database.CurrentTransaction is not null)
                return;
            db.SavedChanges -= Handler;
            signals.Raise(userIds);
        }
        db.SavedChanges += Handler;
    }

    /// <summary>A service of the app the context was made by: use cases build Notify from their context alone.</summary>
    private T? Service<T>() where T : class =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();
}
