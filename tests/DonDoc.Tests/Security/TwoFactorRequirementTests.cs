using System.Net;
using System.Security.Claims;
using Bunit;
using DonDoc.Components.Layout;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Security;

/// <summary>
/// Roles listed in Security:TwoFactorRequiredRoles (admin and coordinator by default) may do nothing but set up
/// two-step verification until they have: pages send them to the account page, the API answers 403.
/// </summary>
public sealed class TwoFactorRequirementTests : IAsyncLifetime
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly DonDocApp _app = new(Provider.Sqlite,
        settings: new Dictionary<string, string?> { ["Security:TwoFactorRequiredRoles"] = "Admin,Coordinator" });

    public ValueTask InitializeAsync()
    {
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void The_default_settings_require_it_of_admins_and_coordinators()
    {
        var defaults = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "DonDoc", "appsettings.json")).Build();
        var options = defaults.GetSection(SessionPolicy.Section).Get<SessionPolicy>()!;

        Assert.True(options.RequiresTwoFactor([Roles.Admin]));
        Assert.True(options.RequiresTwoFactor([Roles.Coordinator]));
        Assert.False(options.RequiresTwoFactor([Roles.UnitOfficer, Roles.Leader]));
    }

    [Fact]
    public async Task A_coordinator_without_it_is_sent_to_set_it_up_and_the_api_refuses()
    {
        var (client, _, _) = await _app.SignedInAsync(Roles.Coordinator);

        var page = await client.GetAsync("/ke-hoach", Ct);
        var api = await client.GetAsync("/api/v1/plans", Ct);
        var download = await client.GetAsync("/api/v1/rankings.xlsx", Ct);
        var account = await client.GetAsync(TwoFactorGate.EnrolUrl, Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(TwoFactorGate.EnrolUrl, page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("bắt buộc dùng xác thực hai bước", await api.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("bắt buộc dùng xác thực hai bước", WebUtility.HtmlDecode(await account.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Other_roles_are_not_held_back()
    {
        var (client, _, _) = await _app.SignedInAsync(Roles.UnitOfficer);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ke-hoach", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_of_an_admin_without_it_is_refused_until_it_is_set_up()
    {
        var unit = await _app.UnitAsync("Sở Hai Bước");
        var admin = await _app.UserAsync(Roles.Admin, unit.Id);
        var token = await _app.WithScopeAsync(sp => sp.GetRequiredService<AccessTokens>().CreateAsync(admin.Id, "kịch bản", 30, ct: Ct));
        var client = _app.TokenClient(token.Value!.Secret);

        var before = await client.GetAsync("/api/v1/users", Ct);
        await EnableTwoFactorAsync(admin);
        var after = await client.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Once_set_up_the_coordinator_signs_in_with_the_code_and_works()
    {
        var unit = await _app.UnitAsync("Sở Đã Bật");
        var user = await _app.UserAsync(Roles.Coordinator, unit.Id);
        var key = await EnableTwoFactorAsync(user);
        var client = _app.NewClient();

        var first = await client.PostFormAsync("/dang-nhap", "login", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = TestData.Password });
        var second = await client.PostFormAsync(first.Headers.Location!.OriginalString, "login-2fa", new() { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ke-hoach", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task In_the_circuit_a_page_change_leads_back_to_the_account_page()
    {
        await using var bunit = new BunitContext();
        bunit.AddAuthorization().SetAuthorized("daumoi").SetClaims(new Claim(ClaimsPrincipalExtensions.MustEnrolTwoFactorClaim, "true"));
        var navigation = bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/ke-hoach");

        var redirect = bunit.Render<TwoFactorRedirect>();
        Assert.EndsWith(TwoFactorGate.EnrolUrl, navigation.Uri);
        navigation.NavigateTo("/bao-cao");
        redirect.WaitForAssertion(() => Assert.EndsWith(TwoFactorGate.EnrolUrl, navigation.Uri));
        navigation.NavigateTo("/tai-khoan");
        Assert.EndsWith("/tai-khoan", navigation.Uri);
    }

    [Fact]
    public async Task In_the_circuit_a_user_who_has_it_moves_freely()
    {
        await using var bunit = new BunitContext();
        bunit.AddAuthorization().SetAuthorized("daumoi");
        var navigation = bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/ke-hoach");

        bunit.Render<TwoFactorRedirect>();
        navigation.NavigateTo("/bao-cao");

        Assert.EndsWith("/bao-cao", navigation.Uri);
    }

    private async Task<string> EnableTwoFactorAsync(User user) => await _app.WithScopeAsync(async sp =>
    {
        var account = sp.GetRequiredService<MyAccount>();
        var key = (await account.AuthenticatorSetupAsync(user.Id, Ct))!.SharedKey.Replace(" ", "");
        Assert.True((await account.EnableTwoFactorAsync(user.Id, Totp.Code(key), Ct)).Ok);
        return key;
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
