using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Dashboard;

/// <summary>The demo province (seed plan, its history and reports) on SQLite, with the public portal switched on.</summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public DonDocApp App { get; } = new(Provider.Sqlite, settings: new Dictionary<string, string?>
    {
        ["Demo:Load"] = "true",
        ["PublicPortal:Enabled"] = "true",
    });

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = App.NewClient();
        await client.LoginAsync(userName, DonDoc.Demo.DemoData.Password);
        return client;
    }

    public ValueTask InitializeAsync()
    {
        // Starting the server runs the startup that loads the demo.
        App.StartServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
