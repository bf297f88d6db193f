using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Demo;

/// <summary>
/// An app started on an empty SQLite file with demo loading on, as a newcomer's first start. The demo tests only
/// read it, so they share one: each load replays the seed plan's years of history.
/// </summary>
[CollectionDefinition(nameof(DemoProvince))]
public sealed class DemoProvinceCollection : ICollectionFixture<DemoProvince>;

public sealed class DemoProvince : IAsyncLifetime
{
    public DonDocApp App { get; } = new(Provider.Sqlite, settings: new Dictionary<string, string?> { ["Demo:Load"] = "true" });

    public ValueTask InitializeAsync()
    {
        App.StartServer();
        return ValueTask.CompletedTask;
    }

    public Task<List<Unit>> UnitsAsync() =>
        App.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Units.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
