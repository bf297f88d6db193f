using DonDoc.Data;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DonDoc.Bench;

/// <summary>
/// A database set up the way the app sets up its own (same registration, interceptors and migrations): a temp
/// SQLite file, or a fresh database on a PostgreSQL server the caller names.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteDir;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? sqliteDir)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDir = sqliteDir;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString,
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton(TimeProvider.System)
            .AddScoped<CurrentActor>()
            .AddLogging()
            .AddDonDocDatabase(config, Directory.GetCurrentDirectory())
            .BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string? postgres)
    {
        BenchDatabase db;
        if (postgres is null)
        {
            var dir = Directory.CreateTempSubdirectory("dondoc-bench-").FullName;
            db = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "bench.db")}", dir);
        }
        else
        {
            db = new BenchDatabase(DatabaseProvider.Postgres, $"{postgres.TrimEnd(';')};Database=bench_{Guid.NewGuid():N}", null);
        }
        await Startup.MigrateAsync(db._services, NullLogger.Instance);
        return db;
    }

    /// <summary>A context as a page or an endpoint gets one: the app's registration with all its interceptors.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>
    /// A context for bulk loading only: no audit interceptor, so loading 45,000 rows does not also write 45,000
    /// audit entries that the queries never read, and on SQLite no waiting for the disk on every commit.
    /// </summary>
    public async Task<DonDocDbContext> BulkContextAsync()
    {
        DonDocDbContext context = Provider == DatabaseProvider.Sqlite
            ? new SqliteDonDocDbContext(new DbContextOptionsBuilder<SqliteDonDocDbContext>().UseSqlite(ConnectionString).Options)
            : new PostgresDonDocDbContext(new DbContextOptionsBuilder<PostgresDonDocDbContext>().UseNpgsql(ConnectionString).Options);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        if (Provider == DatabaseProvider.Sqlite)
        {
            await context.Database.OpenConnectionAsync();
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        }
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var context = await BulkContextAsync();
            await context.Database.EnsureDeletedAsync();
        }
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteDir is not null)
            Directory.Delete(_sqliteDir, recursive: true);
    }
}
