using DonDoc.Calendar;
using DonDoc.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DonDoc.Features.Notifications;

/// <summary>
/// One pass over the outbox: queues the daily digests that are due, then sends the mail that is due. A message
/// is claimed before it is sent (a lease taken by an UPDATE whose WHERE only a free message passes, so two app
/// instances never take the same one), marked sent right after the server took it, and on failure kept with its
/// error and a later attempt (1 minute, doubling, at most an hour apart) — never dropped.
/// </summary>
public sealed class OutboxDelivery(DonDocDbContext db, TimeProvider clock, IOptions<EmailOptions> options, ILogger<OutboxDelivery> logger)
{
    public const int BatchSize = 50;

    /// <summary>Longer than any one send can take (the SMTP timeout is 30 s): a lease outlives its sender only if the sender died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Clamp(attempts - 1, 0, 20)));

    /// <returns>How many messages went out.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        using var smtp = new SmtpClient { Timeout = 30_000 };
        var sent = 0;
        try
        {
            foreach (var id in due)
            {
                if (!await ClaimAsync(id, ct))
                    continue;
                var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
                try
                {
                    await ConnectAsync(smtp, ct);
                    await smtp.SendAsync(Mime(message), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    await FailedAsync(message, ex);
                    await DisconnectAsync(smtp);
                    continue;
                }
                // The server has the message: recording that must not be cut short by a shutdown.
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, Now).SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null),
                    CancellationToken.None);
                sent++;
            }
        }
        finally
        {
            await DisconnectAsync(smtp);
        }
        return sent;
    }

    /// <summary>For each person on the daily digest whose hour it is (Vietnam time): one mail with their unread notifications of the last day.</summary>
    /// <returns>How many digests were queued.</returns>
    public async Task<int> QueueDigestsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var local = VietnamTime.ToLocal(now);
        var day = DateOnly.FromDateTime(local);
        var people = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Channel == NotificationChannel.DailyDigest && p.DigestHour == local.Hour
                && p.User!.IsActive && p.User.Email != null && p.User.Email != "")
            .Select(p => new MailComposer.Recipient(p.UserId, p.User!.Email!, p.User.FullName))
            .ToListAsync(ct);
        var since = now.AddDays(-1);
        var queued = 0;
        foreach (var person in people)
        {
            var key = MailComposer.DigestKey(person.UserId, day);
            if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct))
                continue;
            var unread = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == person.UserId && n.ReadAt == null && n.CreatedAt > since)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);
            if (unread.Count == 0)
                continue;
            db.OutboxMessages.Add(MailComposer.Digest(person, unread, day, options.Value, now));
            try
            {
                await db.SaveChangesAsync(ct);
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance queued the same digest in the meantime: its unique key refused ours.
                db.ChangeTracker.Clear();
                if (!await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct))
                    throw;
            }
        }
        return queued;
    }

    private async Task<bool> ClaimAsync(int id, CancellationToken ct)
    {
        var now = Now;
        var until = now + Lease;
        return await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct) == 1;
    }

    private async Task FailedAsync(OutboxMessage message, Exception ex)
    {
        var attempts = message.Attempts + 1;
        var next = Now + Backoff(attempts);
        logger.LogWarning("Mail {Id} to {To} not sent (attempt {Attempts}), next try at {Next:u}: {Error}",
            message.Id, message.ToAddress, attempts, next, ex.Message);
        var error = Notify.Fit($"{ex.GetType().Name}: {ex.Message}", OutboxMessageConfiguration.ErrorLength);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error), CancellationToken.None);
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        if (smtp.IsConnected)
            return;
        var o = options.Value;
        await smtp.ConnectAsync(o.Host!, o.Port, o.UseTls switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        }, ct);
        if (!string.IsNullOrEmpty(o.User))
            await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
    }

    /// <summary>After a failure the connection's state is unknown, so the next message starts on a new one.</summary>
    private static async Task DisconnectAsync(SmtpClient smtp)
    {
        if (!smtp.IsConnected)
            return;
        try
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Nothing is pending on a connection being dropped.
        }
    }

    private MimeMessage Mime(OutboxMessage m)
    {
        var from = MailboxAddress.Parse(options.Value.From!);
        var mime = new MimeMessage { Subject = m.Subject };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        // The same id on every attempt, so a server that took a message twice can tell.
        mime.MessageId = $"outbox-{m.Id}-{m.CreatedAt.Ticks}@{from.Domain}";
        mime.Body = new BodyBuilder { HtmlBody = m.HtmlBody, TextBody = m.TextBody }.ToMessageBody();
        return mime;
    }
}
