using DonDoc.Demo;
using DonDoc.Features.Units;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Import;

/// <summary>
/// An app per provider holding the demo province's unit registry (the names the seed plan gives), without the
/// demo's plan: imports are matched against the real names, and each provider's app is started once per class.
/// </summary>
public sealed class ImportReviewApps(Apps apps) : IAsyncDisposable
{
    private readonly Dictionary<Provider, DonDocApp> _apps = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<DonDocApp> ForAsync(Provider provider)
    {
        if (provider == Provider.Postgres)
            Assert.SkipWhen(apps.Postgres.ConnectionString is null, apps.Postgres.Missing ?? "PostgreSQL is not available");
        await _lock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = apps.Isolated(provider);
                await AddDemoUnitsAsync(app);
                _apps[provider] = app;
            }
            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    private static Task AddDemoUnitsAsync(DonDocApp app) => app.WithScopeAsync(async sp =>
    {
        var ids = new Dictionary<string, int>();
        foreach (var d in DemoUnits.All)
        {
            var parent = d.ParentCode is { } p ? ids[p] : (int?)null;
            var result = await sp.GetRequiredService<SaveUnit>().CreateAsync(
                new UnitInput(d.Code, d.Name, d.ShortName, d.Aliases, d.Kind, parent, d.ValidFrom, d.ValidTo, null, d.SortOrder));
            Assert.True(result.Ok, result.Message);
            ids[d.Code] = result.Value!.Id;
        }
        return ids.Count;
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
            await app.DisposeAsync();
    }
}
