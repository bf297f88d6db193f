using DonDoc.Data;
using DonDoc.Features.Dashboard.Rules;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DonDoc.Features.Dashboard;

/// <summary>Figures as they stood at <see cref="At"/>.</summary>
public sealed record Computed<T>(T Value, DateTime At);

/// <summary>
/// The dashboards' figures, computed once and shared by everyone who asks with the same key (scope, filter, day)
/// until a save changes what they count. Counting a province's 50,000 task occurrences takes the database
/// 100–200 ms, and the overview is every leader's landing page. Another server's saves are not seen here, so an
/// entry also lives at most <see cref="DashboardCacheOptions.CacheSeconds"/>.
/// </summary>
public sealed class DashboardCache(IMemoryCache cache, TimeProvider clock, IOptions<DashboardCacheOptions> options)
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.CacheSeconds);
    private long _version;

    /// <summary>Forgets every figure computed so far.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    public Task<Computed<ProvinceOverview>> OverviewAsync(DonDocDbContext db, UnitScope scope, DashboardFilter filter, StatusDay day) =>
        GetAsync((nameof(OverviewAsync), scope, filter, day), () => DashboardQueries.OverviewAsync(db, scope, filter, day));

    public Task<Computed<Heatmap>> HeatmapAsync(DonDocDbContext db, UnitScope scope, DashboardFilter filter, StatusDay day) =>
        GetAsync((nameof(HeatmapAsync), scope, filter, day), () => DashboardQueries.HeatmapAsync(db, scope, filter, day));

    public Task<Computed<UnitRanking>> RankingAsync(DonDocDbContext db, int year, RankingGroup group, DateOnly today) =>
        GetAsync((nameof(RankingAsync), year, group, today), () => DashboardQueries.RankingAsync(db, year, group, today));

    /// <summary>
    /// The cached figures, or <paramref name="compute"/>'s. People asking at once share one computation; it runs
    /// without their cancellation, since others may be waiting on it.
    /// </summary>
    private async Task<Computed<T>> GetAsync<T>(object key, Func<Task<T>> compute) where T : class
    {
        if (_lifetime <= TimeSpan.Zero)
            return await ComputeAsync(compute);
        var versioned = (key, Interlocked.Read(ref _version));
        if (!cache.TryGetValue(versioned, out Task<Computed<T>>? task) || task is null)
        {
            task = ComputeAsync(compute);
            _ = cache.Set(versioned, task, _lifetime);
        }
        try
        {
            return await task;
        }
        catch
        {
            cache.Remove(versioned);
            throw;
        }
    }

    private async Task<Computed<T>> ComputeAsync<T>(Func<Task<T>> compute)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        // Off the first caller's circuit: the others waiting must not depend on its dispatcher.
        return new Computed<T>(await Task.Run(compute), at);
    }
}

/// <summary>Section "Dashboard": how long shared figures may live at most (0: computed for every view).</summary>
public sealed class DashboardCacheOptions
{
    public const string Section = "Dashboard";
    public int CacheSeconds { get; set; } = 60;
}
