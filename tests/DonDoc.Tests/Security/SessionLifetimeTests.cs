using System.Net;
using Bunit;
using DonDoc.Components.Layout;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DonDoc.Tests.Security;

/// <summary>A session ends after 30 minutes without activity and 12 hours after sign-in, however active (ASVS 3.3.2).</summary>
public sealed class SessionLifetimeTests(Apps apps)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_keep_a_session_alive_and_thirty_idle_minutes_end_it()
    {
        await using var app = apps.Isolated(Provider.Sqlite);
        var (client, _, _) = await app.SignedInAsync(Roles.UnitOfficer);

        var statuses = new List<HttpStatusCode>();
        foreach (var minutes in new[] { 20, 20, 20, 31 })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(minutes));
            statuses.Add((await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized], statuses);
    }

    [Fact]
    public async Task However_active_a_session_ends_twelve_hours_after_the_password()
    {
        await using var app = apps.Isolated(Provider.Sqlite);
        var (client, _, _) = await app.SignedInAsync(Roles.UnitOfficer);

        var lastAlive = TimeSpan.Zero;
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed <= TimeSpan.FromHours(13); elapsed += TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            if ((await client.GetAsync(SessionWatch.RenewPath, Ct)).StatusCode != HttpStatusCode.NoContent)
                break;
            lastAlive = elapsed;
        }

        Assert.Equal(TimeSpan.FromHours(12), lastAlive);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(29 * 60_000, 0, false)]
    [InlineData(29 * 60_000, 204, false)]
    [InlineData(30 * 60_000, 0, true)]
    [InlineData(1_000, 401, true)]
    public void An_open_page_ends_its_session_when_idle_or_refused(double idleMs, int renewal, bool over) =>
        Assert.Equal(over, SessionWatch.IsOver(new SessionWatch.Check(idleMs, renewal), new SessionPolicy()));

    [Theory]
    [InlineData(31, true)]
    [InlineData(2, false)]
    public async Task An_open_page_asks_the_browser_and_signs_out_after_the_idle_timeout(int idleMinutes, bool signsOut)
    {
        await using var bunit = new BunitContext();
        bunit.Services.AddSingleton(Options.Create(new SessionPolicy()));
        bunit.Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        bunit.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var module = bunit.JSInterop.SetupModule("./js/session.js");
        module.Setup<SessionWatch.Check>("check", _ => true).SetResult(new SessionWatch.Check(idleMinutes * 60_000, 0));
        module.SetupVoid("signOut", _ => true).SetVoidResult();

        var watch = bunit.Render<SessionWatch>();

        watch.WaitForAssertion(() => Assert.Single(module.Invocations["check"]));
        if (signsOut)
            watch.WaitForAssertion(() => Assert.Equal("ma-chong-gia-mao", Assert.Single(module.Invocations["signOut"]).Arguments[0]));
        else
            Assert.Empty(module.Invocations["signOut"]);
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("ma-chong-gia-mao", "__RequestVerificationToken");
    }
}
