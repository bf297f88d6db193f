using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Users;

public sealed class MyAccountTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<T> AccountAsync<T>(DonDocApp app, Func<MyAccount, Task<T>> work) =>
        app.WithScopeAsync(sp => work(sp.GetRequiredService<MyAccount>()));

    private static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string userName, string password) =>
        await client.PostFormAsync("/dang-nhap", "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    private static string Target(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location!.OriginalString;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task With_two_step_verification_on_signing_in_needs_the_authenticator_code(Provider provider)
    {
        var app = apps.For(provider);
        var unit = await app.UnitAsync("Sở Bảo mật");
        var user = await app.UserAsync(Roles.UnitOfficer, unit.Id);
        var setup = (await AccountAsync(app, a => a.AuthenticatorSetupAsync(user.Id, Ct)))!;
        var key = setup.SharedKey.Replace(" ", "");
        Assert.StartsWith("data:image/svg+xml;base64,", setup.QrCode);
        Assert.Equal($"otpauth://totp/DonDoc%3A{user.UserName}?secret={key.ToUpperInvariant()}&issuer=DonDoc&digits=6", setup.Uri);

        var wrong = await AccountAsync(app, a => a.EnableTwoFactorAsync(user.Id, "000000", Ct));
        var enabled = await AccountAsync(app, a => a.EnableTwoFactorAsync(user.Id, Totp.Code(key), Ct));

        Assert.Contains("Mã xác thực không đúng", wrong.Message);
        Assert.Equal(10, enabled.Value!.Count);
        var browser = app.NewClient();
        var first = await PasswordStepAsync(browser, user.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/dang-nhap/xac-thuc", Target(first));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);
        var refused = await browser.PostFormAsync(Target(first), "login-2fa", new() { ["Input.Code"] = "123456" });
        Assert.Contains("Mã xác thực không đúng", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));

        var second = await browser.PostFormAsync(Target(first), "login-2fa", new() { ["Input.Code"] = Totp.Code(key, step: 1) });

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var me = await browser.GetFromJsonAsync<AccountEndpoints.MeDto>("/api/v1/me", Ct);
        Assert.True(me!.TwoFactorEnabled);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_recovery_code_signs_in_once_and_turning_off_needs_the_password(Provider provider)
    {
        var app = apps.For(provider);
        var unit = await app.UnitAsync("Sở Khôi phục");
        var user = await app.UserAsync(Roles.Staff, unit.Id);
        var key = (await AccountAsync(app, a => a.AuthenticatorSetupAsync(user.Id, Ct)))!.SharedKey;
        var codes = (await AccountAsync(app, a => a.EnableTwoFactorAsync(user.Id, Totp.Code(key), Ct))).Value!;

        async Task<HttpStatusCode> SignInWithAsync(string code)
        {
            var browser = app.NewClient();
            var first = await PasswordStepAsync(browser, user.UserName!, TestData.Password);
            return (await browser.PostFormAsync(Target(first), "login-2fa", new() { ["Input.Code"] = code })).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Redirect, await SignInWithAsync(codes[0].ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.OK, await SignInWithAsync(codes[0]));
        Assert.Equal(9, await AccountAsync(app, a => a.RecoveryCodesLeftAsync(user.Id, Ct)));

        var refused = await AccountAsync(app, a => a.DisableTwoFactorAsync(user.Id, "khong-phai-mat-khau", Ct));
        var disabled = await AccountAsync(app, a => a.DisableTwoFactorAsync(user.Id, TestData.Password, Ct));

        Assert.Equal("Mật khẩu hiện tại không đúng.", refused.Message);
        Assert.True(disabled.Ok);
        await app.NewClient().LoginAsync(user.UserName!, TestData.Password);
        var newKey = (await AccountAsync(app, a => a.AuthenticatorSetupAsync(user.Id, Ct)))!.SharedKey;
        Assert.NotEqual(key, newKey);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Changing_the_password_checks_the_current_one_and_the_policy(Provider provider)
    {
        var app = apps.For(provider);
        var unit = await app.UnitAsync("Sở Mật khẩu");
        var user = await app.UserAsync(Roles.Staff, unit.Id);

        var wrongCurrent = await AccountAsync(app, a => a.ChangePasswordAsync(user.Id, "sai-mat-khau-hien-tai", "mot-mat-khau-moi-dai", Ct));
        var weak = await AccountAsync(app, a => a.ChangePasswordAsync(user.Id, TestData.Password, "qwertyuiop", Ct));
        var same = await AccountAsync(app, a => a.ChangePasswordAsync(user.Id, TestData.Password, TestData.Password, Ct));
        var changed = await AccountAsync(app, a => a.ChangePasswordAsync(user.Id, TestData.Password, "mot-mat-khau-moi-dai", Ct));

        Assert.Equal(["Mật khẩu hiện tại không đúng."], wrongCurrent.Errors["currentPassword"]);
        Assert.Contains("quá phổ biến", weak.Errors["newPassword"][0]);
        Assert.Equal(["Mật khẩu mới phải khác mật khẩu hiện tại."], same.Errors["newPassword"]);
        Assert.True(changed.Ok, changed.Message);
        Assert.Equal(HttpStatusCode.OK, (await PasswordStepAsync(app.NewClient(), user.UserName!, TestData.Password)).StatusCode);
        await app.NewClient().LoginAsync(user.UserName!, "mot-mat-khau-moi-dai");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_cookie_is_renewed_only_for_the_user_and_stamp_the_ticket_names(Provider provider)
    {
        var app = apps.For(provider);
        var (browser, user, unit) = await app.SignedInAsync(Roles.Staff);
        var (other, _, _) = await app.SignedInAsync(Roles.Staff, unit);
        await AccountAsync(app, a => a.ChangePasswordAsync(user.Id, TestData.Password, "mot-mat-khau-moi-dai", Ct));
        var ticket = await app.WithScopeAsync(async sp => SessionRefresh.NewTicket(sp.GetRequiredService<IDataProtectionProvider>(),
            (await sp.GetRequiredService<UserManager<User>>().FindByIdAsync(user.Id.ToString()))!));

        var forOther = await other.PostAsJsonAsync(SessionRefresh.Path, new { value = ticket }, Ct);
        var forged = await browser.PostAsJsonAsync(SessionRefresh.Path, new { value = ticket + "x" }, Ct);
        var empty = await browser.PostAsJsonAsync(SessionRefresh.Path, new { }, Ct);
        var renewed = await browser.PostAsJsonAsync(SessionRefresh.Path, new { value = ticket }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, renewed.StatusCode);
        Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("dondoc.auth=", StringComparison.Ordinal));
        await AccountAsync(app, a => a.ChangePasswordAsync(user.Id, "mot-mat-khau-moi-dai", "lai-doi-mat-khau-nua", Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsJsonAsync(SessionRefresh.Path, new { value = ticket }, Ct)).StatusCode);
    }
}
