using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Security;

/// <summary>A token's scope narrows what it may do within its owner's rights; the owner's own session is not affected.</summary>
public sealed class TokenScopeTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TokenScope.Full, "POST", "/api/v1/plans", true)]
    [InlineData(TokenScope.ReadOnly, "GET", "/api/v1/plans", true)]
    [InlineData(TokenScope.ReadOnly, "HEAD", "/api/v1/plans", true)]
    [InlineData(TokenScope.ReadOnly, "POST", "/api/v1/reports/1/submit", false)]
    [InlineData(TokenScope.ReadOnly, "DELETE", "/api/v1/me/tokens/1", false)]
    [InlineData(TokenScope.Reports, "PUT", "/api/v1/reports/7", true)]
    [InlineData(TokenScope.Reports, "GET", "/API/V1/REPORT-PERIODS/3/completeness", true)]
    [InlineData(TokenScope.Reports, "GET", "/api/v1/plans", false)]
    [InlineData(TokenScope.Reports, "GET", "/api/v1/reportsx", false)]
    [InlineData(TokenScope.Reports, "POST", "/api/v1/me/tokens", false)]
    public void Each_scope_allows_what_its_name_says(TokenScope scope, string method, string path, bool allowed) =>
        Assert.Equal(allowed, TokenScopes.Refusal(scope, method, new PathString(path)) is null);

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Read_only_and_report_tokens_are_held_to_their_scope(Provider provider)
    {
        var app = apps.For(provider);
        var (browser, _, _) = await app.SignedInAsync(Roles.UnitOfficer);
        var readOnly = app.TokenClient(await CreateAsync(browser, "Bảng tin chỉ đọc", "ReadOnly"));
        var reports = app.TokenClient(await CreateAsync(browser, "Đồng bộ báo cáo", "Reports"));
        var full = app.TokenClient(await CreateAsync(browser, "Toàn quyền", null));

        var readOnlyRead = await readOnly.GetAsync("/api/v1/plans", Ct);
        var readOnlyWrite = await readOnly.PostAsJsonAsync("/api/v1/me/tokens", new { name = "thêm token" }, Ct);
        var reportsRead = await reports.GetAsync("/api/v1/report-periods", Ct);
        var reportsElsewhere = await reports.GetAsync("/api/v1/plans", Ct);
        var fullWrite = await full.PostAsJsonAsync("/api/v1/me/tokens", new { name = "token con" }, Ct);
        var badScope = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name = "lạ", scope = "Admin" }, Ct);

        Assert.Equal(HttpStatusCode.OK, readOnlyRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOnlyWrite.StatusCode);
        Assert.Contains("chỉ được phép đọc", await readOnlyWrite.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, reportsRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reportsElsewhere.StatusCode);
        Assert.Contains("chỉ dùng cho báo cáo", await reportsElsewhere.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Created, fullWrite.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        var listed = (await browser.GetFromJsonAsync<List<AccessTokens.TokenDto>>("/api/v1/me/tokens", Ct))!;
        Assert.Equal(["Chỉ báo cáo", "Chỉ đọc", "Toàn quyền của tài khoản", "Toàn quyền của tài khoản"],
            listed.Select(t => t.ScopeLabel).Order());
    }

    private static async Task<string> CreateAsync(HttpClient browser, string name, string? scope)
    {
        var response = await browser.PostAsJsonAsync("/api/v1/me/tokens", new { name, validDays = 30, scope }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<AccessTokens.Created>(Ct))!.Secret;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_token_signs_its_owner_in_with_the_same_claims_as_the_login_form_plus_its_scope(Provider provider)
    {
        var app = apps.For(provider);
        var (browser, user, _) = await app.SignedInAsync(Roles.UnitHead);
        var secret = await CreateAsync(browser, "So sánh quyền", "ReadOnly");

        var (fromLogin, fromToken) = await app.WithScopeAsync(async sp =>
        {
            var login = await sp.GetRequiredService<IUserClaimsPrincipalFactory<User>>()
                .CreateAsync((await sp.GetRequiredService<UserManager<User>>().FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);
            var http = new DefaultHttpContext { RequestServices = sp };
            http.Request.Headers.Authorization = "Bearer " + secret;
            var token = await http.AuthenticateAsync(PersonalAccessTokenHandler.SchemeName);
            return (login, token.Principal!);
        });

        static string[] Claims(System.Security.Claims.ClaimsPrincipal p) => p.Claims.Select(c => $"{c.Type}={c.Value}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Claims(fromLogin).Append($"{TokenScopes.Claim}=ReadOnly").Order(StringComparer.Ordinal), Claims(fromToken));
        Assert.Contains(fromToken.Claims, c => c.Type == fromToken.Identities.Single().RoleClaimType && c.Value == Roles.UnitHead);
    }
}
