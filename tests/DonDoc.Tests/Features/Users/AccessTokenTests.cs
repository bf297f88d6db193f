using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Users;

public sealed class AccessTokenTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    private static async Task<AccessTokens.Created> CreateAsync(HttpClient client, string name, int? validDays = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name, validDays }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<AccessTokens.Created>(Ct))!;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_new_token_signs_in_scripts_and_only_its_hash_is_stored(Provider provider)
    {
        var app = apps.For(provider);
        var (browser, user, _) = await app.SignedInAsync(Roles.UnitOfficer);

        var token = await CreateAsync(browser, "Đồng bộ báo cáo");

        var me = await app.TokenClient(token.Secret).GetFromJsonAsync<AccountEndpoints.MeDto>("/api/v1/me", Ct);
        Assert.Equal(user.Id, me!.Id);
        var listed = Assert.Single((await browser.GetFromJsonAsync<List<AccessTokens.TokenDto>>("/api/v1/me/tokens", Ct))!);
        Assert.Equal(("Đồng bộ báo cáo", token.Secret[..10], "Đang dùng"), (listed.Name, listed.Hint, listed.StatusLabel));
        Assert.NotNull(listed.LastUsedAt);
        Assert.DoesNotContain(token.Secret, await browser.GetStringAsync("/api/v1/me/tokens", Ct));
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().PersonalAccessTokens
            .AsNoTracking().SingleAsync(t => t.Id == token.Id, Ct));
        Assert.Equal(PersonalAccessToken.HashOf(token.Secret), stored.Hash);
        Assert.DoesNotContain(token.Secret, string.Join("|", stored.Name, stored.Hash, stored.Hint));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_revoked_token_is_refused_and_another_users_token_cannot_be_revoked(Provider provider)
    {
        var app = apps.For(provider);
        var (owner, _, unit) = await app.SignedInAsync(Roles.Staff);
        var (stranger, _, _) = await app.SignedInAsync(Roles.Staff, unit);
        var token = await CreateAsync(owner, "Tích hợp");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/me/tokens/{token.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.TokenClient(token.Secret).GetAsync("/api/v1/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/me/tokens/{token.Id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenClient(token.Secret).GetAsync("/api/v1/me", Ct)).StatusCode);
        var listed = Assert.Single((await owner.GetFromJsonAsync<List<AccessTokens.TokenDto>>("/api/v1/me/tokens", Ct))!);
        Assert.Equal("Đã thu hồi", listed.StatusLabel);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenClient("ddk_khong-ton-tai").GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_token_stops_working_when_it_expires(Provider provider)
    {
        // Moving the clock would disturb the shared apps' other tests: this one gets an app of its own.
        await using var app = provider == Provider.Sqlite
            ? new DonDocApp(Provider.Sqlite)
            : new DonDocApp(Provider.Postgres, apps.Postgres.NewDatabase());
        app.StartServer();
        var (browser, _, _) = await app.SignedInAsync(Roles.Staff);
        var token = await CreateAsync(browser, "Một ngày", validDays: 1);
        var lasting = await CreateAsync(browser, "Không thời hạn");
        Assert.Equal(HttpStatusCode.OK, (await app.TokenClient(token.Secret).GetAsync("/api/v1/me", Ct)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenClient(token.Secret).GetAsync("/api/v1/me", Ct)).StatusCode);
        var listed = await app.TokenClient(lasting.Secret).GetFromJsonAsync<List<AccessTokens.TokenDto>>("/api/v1/me/tokens", Ct);
        Assert.Equal(["Đang dùng", "Hết hạn"], listed!.Select(t => t.StatusLabel));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Tokens_of_a_deactivated_user_are_refused_and_bad_input_is_explained(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var (browser, user, _) = await app.SignedInAsync(Roles.Staff, unit);
        var token = await CreateAsync(browser, "Kịch bản");

        var noName = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name = " " }, Ct);
        var tooLong = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", validDays = 5000 }, Ct);
        await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate", null, Ct);

        Assert.Contains("Tên token phải có từ 1 đến 100 ký tự.", await noName.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Thời hạn token phải từ 1 đến 3650 ngày.", await tooLong.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenClient(token.Secret).GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_token_of_a_locked_out_user_is_refused_until_the_lockout_ends(Provider provider)
    {
        var app = apps.For(provider);
        var (browser, user, _) = await app.SignedInAsync(Roles.Staff);
        var token = app.TokenClient((await CreateAsync(browser, "Kịch bản khóa")).Secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me", Ct)).StatusCode);

        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.UtcNow.AddYears(1));
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me", Ct)).StatusCode);
    }
}
