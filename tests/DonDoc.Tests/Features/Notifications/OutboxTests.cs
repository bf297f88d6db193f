using DonDoc.Features.Notifications;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Notifications;

/// <summary>The outbox against a real SMTP server on loopback, with the app's clock moved by hand.</summary>
public sealed class OutboxTests(Apps apps)
{
    private DonDocApp MailApp(Provider provider, LoopbackSmtp smtp, string? postgresDatabase = null)
    {
        var app = provider == Provider.Sqlite
            ? new DonDocApp(Provider.Sqlite, settings: smtp.Settings())
            : new DonDocApp(Provider.Postgres, postgresDatabase ?? apps.Postgres.NewDatabase(), smtp.Settings());
        app.StartServer();
        return app;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_smtp_outage_delays_mail_and_loses_none_and_each_arrives_once(Provider provider)
    {
        using var smtp = new LoopbackSmtp();
        await using var app = MailApp(provider, smtp);
        var s = await Scene.CreateAsync(app);

        var assigned = await NotificationData.EventuallyAsync(() => Task.FromResult(smtp.Received.FirstOrDefault()), "the mail of the new task");
        Assert.Equal(NotificationData.EmailOf(s.Head), assigned.To.Mailboxes.Single().Address);
        Assert.Equal("dondoc@nghean.gov.vn", assigned.From.Mailboxes.Single().Address);
        Assert.Matches(@"^\[DonDoc\] Nhiệm vụ mới được giao: \d+ \(Kế hoạch số \d+/KH-UBND\)$", assigned.Subject);
        Assert.Contains("Xây dựng đề án vị trí việc làm.", assigned.TextBody);
        Assert.Contains($"https://dondoc.nghean.gov.vn/nhiem-vu/{s.OccurrenceId}", assigned.TextBody);
        Assert.Contains($"<a href=\"https://dondoc.nghean.gov.vn/nhiem-vu/{s.OccurrenceId}\">Xem trên DonDoc</a>", assigned.HtmlBody);
        Assert.Contains("Thời hạn: 31/12/2026.", assigned.HtmlBody);

        smtp.Stop();
        await s.ReturnAsync(app, "Thiếu phụ lục số liệu.");
        var key = $"update-review:{s.UpdateId}:{s.Head.Id}";
        var waiting = await NotificationData.EventuallyAsync(async () =>
            (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey == key && m.Attempts == 1))).SingleOrDefault(), "a failed first attempt");
        Assert.Null(waiting.SentAt);
        Assert.Null(waiting.ClaimedUntil);
        Assert.NotNull(waiting.LastError);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1), waiting.NextAttemptAt, TimeSpan.FromSeconds(1));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        waiting = await NotificationData.EventuallyAsync(async () =>
            (await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey == key && m.Attempts == 2))).SingleOrDefault(), "a failed second attempt");
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(2), waiting.NextAttemptAt, TimeSpan.FromSeconds(1));

        // Back up, the server gets nothing before the message's next attempt is due, then gets it once.
        smtp.Start();
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Single(smtp.Received);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var returned = await NotificationData.EventuallyAsync(() => Task.FromResult(smtp.Received.Skip(1).FirstOrDefault()), "the delayed mail");
        Assert.EndsWith(" bị trả lại", returned.Subject);
        Assert.Contains("Lý do trả lại: Thiếu phụ lục số liệu.", returned.TextBody);
        Assert.Equal(NotificationData.EmailOf(s.Head), returned.To.Mailboxes.Single().Address);
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Equal(2, smtp.Received.Count);
        var sent = Assert.Single(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey == key)));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(3, sent.Attempts + 1);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_daily_digest_gathers_the_unread_notifications_at_the_chosen_hour_once(Provider provider)
    {
        using var smtp = new LoopbackSmtp();
        await using var app = MailApp(provider, smtp);
        var unit = await app.UnitAsync("Sở Thử nghiệm");
        // The clock stands at 09:00 in Vietnam; this person wants the day's mail at 10:00.
        var reader = await app.PersonAsync(Roles.UnitOfficer, unit.Id, NotificationChannel.DailyDigest, digestHour: 10);
        await app.NotifyAsync([reader.Id], new NotificationMessage(NotificationKind.Reminder, "Nhiệm vụ 1 sắp đến hạn", "Còn 3 ngày.", "/nhiem-vu/1"));
        await app.NotifyAsync([reader.Id], new NotificationMessage(NotificationKind.Reminder, "Nhiệm vụ 2 quá hạn", "Quá hạn 1 ngày.", "/nhiem-vu/2"));
        await app.NotifyAsync([reader.Id], new NotificationMessage(NotificationKind.Reminder, "Đã đọc rồi", "", "/nhiem-vu/3"));
        var read = (await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == reader.Id && n.Title == "Đã đọc rồi"))).Single();
        await app.WithScopeAsync(sp => sp.GetRequiredService<Inbox>().MarkReadAsync(reader.Id, read.Id, TestContext.Current.CancellationToken));

        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Empty(smtp.Received);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var digest = await NotificationData.EventuallyAsync(() => Task.FromResult(smtp.Received.FirstOrDefault()), "the digest");
        Assert.Equal("[DonDoc] 2 thông báo chưa đọc ngày 27/11/2026", digest.Subject);
        Assert.Contains("Nhiệm vụ 1 sắp đến hạn", digest.TextBody);
        Assert.Contains("Nhiệm vụ 2 quá hạn", digest.HtmlBody);
        Assert.Contains("https://dondoc.nghean.gov.vn/nhiem-vu/2", digest.TextBody);
        Assert.DoesNotContain("Đã đọc rồi", digest.TextBody);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(600, TestContext.Current.CancellationToken);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task Two_app_instances_on_one_PostgreSQL_database_send_each_message_once()
    {
        using var smtp = new LoopbackSmtp();
        var database = apps.Postgres.NewDatabase();
        await using var first = MailApp(Provider.Postgres, smtp, database);
        await using var second = MailApp(Provider.Postgres, smtp, database);
        var unit = await first.UnitAsync("Sở Thử nghiệm");
        var people = new List<User>();
        for (var i = 0; i < 6; i++)
            people.Add(await first.PersonAsync(Roles.UnitOfficer, unit.Id, NotificationChannel.EmailImmediately));

        for (var round = 1; round <= 5; round++)
            await (round % 2 == 0 ? first : second).NotifyAsync(people.Select(p => p.Id),
                new NotificationMessage(NotificationKind.Reminder, $"Nhắc việc lần {round}", "Nhiệm vụ sắp đến hạn.", "/nhiem-vu/1"));

        await NotificationData.EventuallyAsync(() => Task.FromResult(smtp.Received.Count >= 30 ? "all" : null), "30 mails");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var received = smtp.Received;
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(m => (m.To.Mailboxes.Single().Address, m.Subject)).Distinct().Count());
        Assert.All(await first.QueryAsync(db => db.OutboxMessages), m => Assert.NotNull(m.SentAt));
    }
}
