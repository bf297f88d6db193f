using System.Net;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DonDoc.Tests.Security;

/// <summary>Security headers, cookie flags and the rate limits on the login form and the API.</summary>
public sealed class WebHardeningTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/dang-nhap")]
    [InlineData("/api/v1/me")]
    [InlineData("/tong-quan")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var response = await apps.For(Provider.Sqlite).NewClient().GetAsync(url, Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Api_answers_are_not_kept_by_the_browser()
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.UnitOfficer);

        using var response = await client.GetAsync("/api/v1/me", Ct);

        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_login_cookie_is_HttpOnly_SameSite_and_Secure_over_HTTPS()
    {
        var app = apps.For(Provider.Sqlite);
        var user = await app.UserAsync(Roles.Staff, (await app.UnitAsync("Sở cookie " + TestData.UniqueCode())).Id);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/dang-nhap", "login", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = TestData.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dondoc.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("secure", cookie);
    }

    [Fact]
    public async Task Login_attempts_from_one_address_are_limited_with_a_Vietnamese_answer()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" });
        var client = app.NewClient();
        var token = await client.AntiforgeryTokenAsync("/dang-nhap");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "khong-co-ai", ["Input.Password"] = "sai mat khau nay",
            }), Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("quá nhiều yêu cầu", await response.Content.ReadAsStringAsync(Ct));
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_API_is_limited_per_person_not_for_everyone_at_once()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "5" });
        var (first, _, _) = await app.SignedInAsync(Roles.Staff);
        var (second, _, _) = await app.SignedInAsync(Roles.Staff);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await first.GetAsync("/api/v1/me", Ct)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/me", Ct)).StatusCode);
    }
}
