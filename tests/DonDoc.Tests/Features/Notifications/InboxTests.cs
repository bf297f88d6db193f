using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Notifications;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Notifications;

public sealed class InboxTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_person_lists_and_marks_their_own_notifications_and_nobody_elses(Provider provider)
    {
        var app = apps.For(provider);
        var (client, me, _) = await app.SignedInAsync(Roles.UnitOfficer);
        var (_, other, _) = await app.SignedInAsync(Roles.UnitOfficer);
        await app.NotifyAsync([me.Id], new NotificationMessage(NotificationKind.TaskAssigned, "Nhiệm vụ mới: III.1 – Kế hoạch cải cách hành chính", "Thời hạn: 31/12/2026.", "/nhiem-vu/7"));
        await app.NotifyAsync([me.Id], new NotificationMessage(NotificationKind.ReportReturned, "Báo cáo kỳ Quý IV/2026 bị trả lại", "Thiếu số liệu.", "/bao-cao/3"));
        await app.NotifyAsync([other.Id], new NotificationMessage(NotificationKind.Comment, "Việc của người khác", "", "/nhiem-vu/8"));

        var page = await client.GetFromJsonAsync<InboxPage>("/api/v1/notifications", Ct);
        Assert.Equal(2, page!.Unread);
        Assert.Equal(["Báo cáo kỳ Quý IV/2026 bị trả lại", "Nhiệm vụ mới: III.1 – Kế hoạch cải cách hành chính"], page.Items.Select(n => n.Title));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/thong-bao", Ct));
        Assert.Contains("Báo cáo kỳ Quý IV/2026 bị trả lại", html);
        Assert.Contains("href=\"/bao-cao/3\"", html);
        Assert.DoesNotContain("Việc của người khác", html);

        var othersId = (await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == other.Id))).Single().Id;
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/notifications/{othersId}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/notifications/{page.Items[0].Id}/read", null, Ct)).StatusCode);
        var unread = await client.GetFromJsonAsync<InboxPage>("/api/v1/notifications?unread=true", Ct);
        Assert.Equal("Nhiệm vụ mới: III.1 – Kế hoạch cải cách hành chính", Assert.Single(unread!.Items).Title);

        var all = await client.PostAsync("/api/v1/notifications/read-all", null, Ct);
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<NotificationEndpoints.MarkedDto>(Ct))!.Marked);
        Assert.Equal(0, (await client.GetFromJsonAsync<InboxPage>("/api/v1/notifications", Ct))!.Unread);
        Assert.Null((await app.QueryAsync(db => db.Notifications.Where(n => n.UserId == other.Id))).Single().ReadAt);
    }

    [Fact]
    public async Task Preferences_are_checked_and_kept()
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.UnitHead);
        var initial = await client.GetFromJsonAsync<PreferenceDto>("/api/v1/notifications/preferences", Ct);
        Assert.Equal(NotificationPreference.Default, initial!.Channel);

        var bad = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { channel = "Fax", digestHour = 24 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Hãy chọn cách nhận thông báo", problem);
        Assert.Contains("Giờ gửi thư tổng hợp phải từ 0 đến 23.", problem);

        var saved = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { channel = "DailyDigest", digestHour = 17 }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var now = await client.GetFromJsonAsync<PreferenceDto>("/api/v1/notifications/preferences", Ct);
        Assert.Equal((NotificationChannel.DailyDigest, 17), (now!.Channel, now.DigestHour));
    }
}
