using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Notifications;

public sealed class WorkNoticesTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Returning_a_completion_tells_the_units_people_once_and_queues_mail_for_those_who_want_it(Provider provider)
    {
        var app = apps.For(provider);
        var s = await Scene.CreateAsync(app);
        var staff = await app.PersonAsync(Roles.Staff, s.Unit.Id, NotificationChannel.EmailImmediately);
        var stranger = await app.PersonAsync(Roles.UnitOfficer, (await app.UnitAsync("Sở khác")).Id, NotificationChannel.EmailImmediately);

        await s.ReturnAsync(app, "Thiếu phụ lục số liệu.");

        var told = await app.QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.UpdateReturned
            && (n.UserId == s.Head.Id || n.UserId == s.Officer.Id || n.UserId == staff.Id || n.UserId == stranger.Id)));
        Assert.Equal(new[] { s.Head.Id, s.Officer.Id }.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n =>
        {
            Assert.StartsWith("Kết quả nhiệm vụ ", n.Title);
            Assert.EndsWith(" bị trả lại", n.Title);
            Assert.Contains("Lý do trả lại: Thiếu phụ lục số liệu.", n.Text);
            Assert.Equal($"/nhiem-vu/{s.OccurrenceId}", n.Link);
            Assert.Null(n.ReadAt);
        });
        var key = $"update-review:{s.UpdateId}:";
        var mail = Assert.Single(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey.StartsWith(key))));
        Assert.Equal(NotificationData.EmailOf(s.Head), mail.ToAddress);
        Assert.Equal($"[DonDoc] {told[0].Title}", mail.Subject);
        Assert.Contains("Thiếu phụ lục số liệu.", mail.TextBody);
        Assert.Contains($"/nhiem-vu/{s.OccurrenceId}", mail.HtmlBody);
        Assert.Null(mail.SentAt);

        // The task itself reached them when it was given, with a link to its period.
        var assigned = await app.QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.TaskAssigned && n.UserId == s.Officer.Id));
        Assert.Equal($"/nhiem-vu/{s.OccurrenceId}", Assert.Single(assigned).Link);

        // Telling of the same event again reaches nobody twice.
        await app.NotifyAsync([s.Head.Id, s.Officer.Id], new NotificationMessage(NotificationKind.UpdateReturned, "Lần nữa", "", "/", told[0].DedupKey));
        Assert.Equal(2, (await app.QueryAsync(db => db.Notifications.Where(n => n.DedupKey == told[0].DedupKey))).Count);
        Assert.Single(await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey.StartsWith(key))));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_extension_decision_and_a_leaders_direction_reach_the_unit_but_not_the_author(Provider provider)
    {
        var app = apps.For(provider);
        var s = await Scene.CreateAsync(app);
        var officer = await app.PrincipalAsync(s.Officer);
        var leader = await app.PrincipalAsync(await app.UserAsync(Roles.Leader, s.Unit.Id));
        await app.WithScopeAsync(async sp =>
        {
            var extensions = sp.GetRequiredService<DonDoc.Features.Plans.Extensions>();
            var requested = await extensions.RequestAsync(officer, s.OccurrenceId, new DateOnly(2027, 1, 31), "Chờ số liệu.", Ct);
            Assert.True(requested.Ok, requested.Message);
            var decided = await extensions.DecideAsync(TaskData.Coordinator, requested.Value!.Id, approve: true, null, null, Ct);
            Assert.True(decided.Ok, decided.Message);
            var nodeId = await sp.GetRequiredService<DonDocDbContext>().Occurrences.Where(o => o.Id == s.OccurrenceId)
                .Select(o => o.Assignment!.NodeId).FirstAsync(Ct);
            Assert.True((await sp.GetRequiredService<Comments>().PostAsync(leader, nodeId, "Đề nghị hoàn thành trước Tết.", Ct)).Ok);
            Assert.True((await sp.GetRequiredService<Comments>().PostAsync(officer, nodeId, "Đơn vị đang hoàn thiện.", Ct)).Ok);
            return 0;
        });

        var headNotes = await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == s.Head.Id).OrderBy(n => n.Id));
        var extension = Assert.Single(headNotes, n => n.Kind == NotificationKind.ExtensionApproved);
        Assert.Contains("Thời hạn mới: 31/01/2027.", extension.Text);
        var direction = Assert.Single(headNotes, n => n.Kind == NotificationKind.Direction);
        Assert.StartsWith("Ý kiến chỉ đạo về nhiệm vụ", direction.Title);
        Assert.Contains("Đề nghị hoàn thành trước Tết.", direction.Text);
        Assert.Equal($"/nhiem-vu/{s.OccurrenceId}", direction.Link);
        Assert.Contains("Đơn vị đang hoàn thiện.", Assert.Single(headNotes, n => n.Kind == NotificationKind.Comment).Text);
        // The officer hears of the leader's direction, not of their own message.
        var officerNotes = await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == s.Officer.Id));
        Assert.Single(officerNotes, n => n.Kind == NotificationKind.Direction);
        Assert.DoesNotContain(officerNotes, n => n.Kind == NotificationKind.Comment);
    }
}
