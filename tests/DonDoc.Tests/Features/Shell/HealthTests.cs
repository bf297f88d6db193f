using System.Net;
using System.Net.Http.Json;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Shell;

public sealed class HealthTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Healthz_reports_the_database_reachable(Provider provider)
    {
        var client = apps.For(provider).NewClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(TestContext.Current.CancellationToken);
        Assert.Equal("ok", body!["database"]);
        Assert.Contains(provider == Provider.Sqlite ? "Sqlite" : "Npgsql", body["provider"]);
    }
}
