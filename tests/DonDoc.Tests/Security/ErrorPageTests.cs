using System.Net;
using DonDoc.Data;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Security;

/// <summary>In production a crash shows people a Vietnamese page with a request id, never the stack trace (ASVS 7.4.1).</summary>
public sealed class ErrorPageTests
{
    [Fact]
    public async Task A_crash_in_production_shows_a_Vietnamese_page_without_the_stack_trace()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["environment"] = "Production" });
        var user = await app.UserAsync(Roles.UnitOfficer, (await app.UnitAsync("Sở Gặp Lỗi")).Id);
        await using var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDbContextFactory<DonDocDbContext>, BrokenContextFactory>()));
        var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.LoginAsync(user.UserName!, TestData.Password);

        var response = await client.GetAsync("/ke-hoach", TestContext.Current.CancellationToken);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Có lỗi xảy ra", html);
        Assert.Contains("Mã yêu cầu", html);
        Assert.DoesNotContain(BrokenContextFactory.Message, html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    private sealed class BrokenContextFactory : IDbContextFactory<DonDocDbContext>
    {
        public const string Message = "hỏng có chủ ý trong kiểm thử";

        public DonDocDbContext CreateDbContext() => throw new InvalidOperationException(Message);
    }
}
