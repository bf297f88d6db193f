using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Security;

/// <summary>Changes to users and roles need the actor's password entered again within the last ten minutes (ASVS 3.7.1).</summary>
public sealed class ReauthenticationTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewUser(int unitId) => new
    {
        userName = "xn." + TestData.UniqueCode().ToLowerInvariant(), password = TestData.Password, fullName = "Phạm Văn Xác Nhận",
        unitId, role = Roles.Admin,
    };

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Through_the_api_a_change_to_users_waits_for_the_password_which_holds_for_ten_minutes(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        var (admin, me, unit) = await app.SignedInAsync(Roles.Admin);

        var unconfirmed = await admin.PostAsJsonAsync("/api/v1/users", NewUser(unit.Id), Ct);
        var wrong = await admin.PostAsJsonAsync("/api/v1/me/reauthenticate", new { password = "khong-phai-mat-khau" }, Ct);
        await admin.ConfirmPasswordAsync();
        var confirmed = await admin.PostAsJsonAsync("/api/v1/users", NewUser(unit.Id), Ct);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = await admin.PostAsJsonAsync("/api/v1/users", NewUser(unit.Id), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, unconfirmed.StatusCode);
        Assert.Contains("nhập lại mật khẩu", await unconfirmed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mật khẩu không đúng.", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, later.StatusCode);
        var (failures, users) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            return (await db.AuditEntries.CountAsync(a => a.Action == AuditAction.ReauthFailed && a.UserId == me.Id, Ct),
                await db.Users.CountAsync(u => u.FullName == "Phạm Văn Xác Nhận", Ct));
        });
        Assert.Equal(1, failures);
        Assert.Equal(1, users);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task In_the_circuit_the_dialog_confirms_once_for_the_changes_that_follow(Provider provider)
    {
        var app = apps.For(provider);
        var unit = await app.UnitAsync("Sở Xác Nhận");
        var admin = await app.UserAsync(Roles.Admin, unit.Id);
        var principal = await app.PrincipalAsync(admin);

        var outcomes = await app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentActor>().Set(principal);
            var save = sp.GetRequiredService<SaveUser>();
            var reauthentication = sp.GetRequiredService<Reauthentication>();
            var details = new UserDetails("Đỗ Thị Mạch", null, null, unit.Id, Roles.Staff);
            var before = await save.CreateAsync("mach." + TestData.UniqueCode().ToLowerInvariant(), TestData.Password, details, Ct);
            var others = new[]
            {
                await save.UpdateAsync(admin.Id, details with { Role = Roles.Admin }, Ct), await save.DeactivateAsync(admin.Id, Ct),
                await save.ActivateAsync(admin.Id, Ct), await save.ResetPasswordAsync(admin.Id, "mot-mat-khau-khac-han", Ct),
                await save.UnlockAsync(admin.Id, Ct),
            };
            Assert.All(others, r => Assert.Equal([Reauthentication.ErrorKey], r.Errors.Keys));
            var wrong = await reauthentication.ConfirmAsync("sai-mat-khau-nhe");
            var right = await reauthentication.ConfirmAsync(TestData.Password);
            var after = await save.CreateAsync("mach." + TestData.UniqueCode().ToLowerInvariant(), TestData.Password, details, Ct);
            var unlock = await save.UnlockAsync(after.Value!.Id, Ct);
            return (before, wrong, right, after, unlock);
        });

        Assert.Equal([Reauthentication.ErrorKey], outcomes.before.Errors.Keys);
        Assert.False(outcomes.wrong.Ok);
        Assert.True(outcomes.right.Ok);
        Assert.True(outcomes.after.Ok, outcomes.after.Message);
        Assert.True(outcomes.unlock.Ok, outcomes.unlock.Message);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_confirmation_belongs_to_its_user_and_ends_with_their_password(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, me, unit) = await app.SignedInAsync(Roles.Admin);
        var other = await app.UserAsync(Roles.Admin, unit.Id);
        var response = await admin.PostAsJsonAsync("/api/v1/me/reauthenticate", new { password = TestData.Password }, Ct);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Reauthentication.CookieName + "=", StringComparison.Ordinal));
        var value = cookie[(Reauthentication.CookieName.Length + 1)..cookie.IndexOf(';')];
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var ownBefore = await AcceptsAsync(app, me, value);
        var forOther = await AcceptsAsync(app, other, value);
        var forged = await AcceptsAsync(app, me, value[..^2] + "xx");
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            return await users.UpdateSecurityStampAsync((await users.FindByIdAsync(me.Id.ToString()))!);
        });
        var ownAfterNewStamp = await AcceptsAsync(app, me, value);

        Assert.True(ownBefore);
        Assert.False(forOther);
        Assert.False(forged);
        Assert.False(ownAfterNewStamp);
    }

    private static async Task<bool> AcceptsAsync(DonDocApp app, User user, string cookie)
    {
        var principal = await app.PrincipalAsync(user);
        return await app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentActor>().Set(principal);
            var reauthentication = sp.GetRequiredService<Reauthentication>();
            await reauthentication.AcceptCookieAsync(cookie);
            return await reauthentication.AllowsChangeAsync();
        });
    }
}
