using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Notifications;

public sealed record NotificationDto(int Id, NotificationKind Kind, string Title, string Text, string Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record InboxPage(int Unread, int Total, List<NotificationDto> Items);

public sealed record PreferenceDto(NotificationChannel Channel, int DigestHour, bool HasEmail);

/// <summary>One person's notifications and how they want to hear of them; nobody reads or marks another's.</summary>
public sealed class Inbox(DonDocDbContext db, TimeProvider clock)
{
    public const int MaxTake = 200;

    public Task<int> UnreadCountAsync(int userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<InboxPage> ListAsync(int userId, bool unreadOnly, int skip, int take, CancellationToken ct = default)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, MaxTake))
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new InboxPage(await mine.CountAsync(n => n.ReadAt == null, ct), await shown.CountAsync(ct), items);
    }

    /// <returns>False when the notification is not this person's.</returns>
    public async Task<bool> MarkReadAsync(int userId, int id, CancellationToken ct = default)
    {
        if (!await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == userId, ct))
            return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return true;
    }

    public Task<int> MarkAllReadAsync(int userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<PreferenceDto> PreferenceAsync(int userId, CancellationToken ct = default)
    {
        var saved = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        var hasEmail = await db.Users.AnyAsync(u => u.Id == userId && u.Email != null && u.Email != "", ct);
        return new PreferenceDto(saved?.Channel ?? NotificationPreference.Default, saved?.DigestHour ?? NotificationPreference.DefaultDigestHour, hasEmail);
    }

    public async Task<SaveResult<PreferenceDto>> SavePreferenceAsync(int userId, NotificationChannel? channel, int? digestHour, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (channel is not { } c || !Enum.IsDefined(c))
            errors["channel"] = ["Hãy chọn cách nhận thông báo: InApp (chỉ trên DonDoc), EmailImmediately (thư ngay) hoặc DailyDigest (thư tổng hợp hằng ngày)."];
        if (digestHour is < 0 or > 23)
            errors["digestHour"] = ["Giờ gửi thư tổng hợp phải từ 0 đến 23."];
        if (errors.Count > 0)
            return SaveResult<PreferenceDto>.Fail(errors);
        var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preference is null)
            db.NotificationPreferences.Add(preference = new NotificationPreference { UserId = userId });
        preference.Channel = channel!.Value;
        preference.DigestHour = digestHour ?? preference.DigestHour;
        await db.SaveChangesAsync(ct);
        return SaveResult<PreferenceDto>.Success(await PreferenceAsync(userId, ct));
    }
}
