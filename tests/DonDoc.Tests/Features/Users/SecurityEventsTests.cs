using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Users;

/// <summary>Sign-ins, failures, lockouts and token use are written to the audit log.</summary>
public sealed class SecurityEventsTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<List<AuditAction>> EventsAsync(DonDocApp app, string userName) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().AuditEntries
            .Where(a => a.UserName == userName && a.Action != AuditAction.Created && a.Action != AuditAction.Updated)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/dang-nhap", "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Failed_attempts_a_lockout_and_a_sign_in_are_logged_with_the_address(Provider provider)
    {
        var app = apps.For(provider);
        var user = await app.UserAsync(Roles.Staff, (await app.UnitAsync("Sở sự kiện " + TestData.UniqueCode())).Id);
        var client = app.NewClient();

        await client.LoginAsync(user.UserName!, TestData.Password);
        for (var i = 0; i < 5; i++)
            await TryAsync(app.NewClient(), user.UserName!, "mat khau sai hoan toan");

        Assert.Equal([AuditAction.SignedIn, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed,
            AuditAction.LockedOut], await EventsAsync(app, user.UserName!));
    }

    [Fact]
    public async Task An_attempt_on_a_name_that_does_not_exist_is_logged_under_that_name()
    {
        var app = apps.For(Provider.Sqlite);
        var name = "khong-ton-tai-" + TestData.UniqueCode();

        await TryAsync(app.NewClient(), name, "mat khau bat ky nao do");

        Assert.Equal([AuditAction.SignInFailed], await EventsAsync(app, name));
    }

    [Fact]
    public async Task Using_a_token_is_logged_once_a_minute_and_a_revoked_token_when_refused()
    {
        var app = apps.For(Provider.Sqlite);
        var (browser, user, _) = await app.SignedInAsync(Roles.Staff);
        var created = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Kịch bản báo cáo" }, Ct);
        var token = (await created.Content.ReadFromJsonAsync<AccessTokens.Created>(Ct))!;
        var script = app.TokenClient(token.Secret);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/me", Ct)).StatusCode);
        await browser.DeleteAsync($"/api/v1/me/tokens/{token.Id}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/me", Ct)).StatusCode);

        Assert.Equal([AuditAction.SignedIn, AuditAction.TokenUsed, AuditAction.TokenRefused], await EventsAsync(app, user.UserName!));
    }
}
