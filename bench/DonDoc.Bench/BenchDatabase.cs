using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DonDoc.Bench;

/// <summary>
/// A database named the way the app names its own (Database:Provider, ConnectionStrings:DonDoc; a relative SQLite
/// file under the app's content root), reached without the app's interceptors: the generator writes in bulk.
/// </summary>
internal sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString, string AuditKeyPath)
{
    /// <summary>The database the app would use with this configuration; <paramref name="fallbackSqlite"/> when none is set.</summary>
    public static BenchDatabase FromConfiguration(IConfiguration config, string fallbackSqlite)
    {
        var provider = DatabaseSetup.Provider(config);
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrEmpty(config.GetConnectionString(DatabaseSetup.ConnectionName)))
            config = new ConfigurationBuilder().AddConfiguration(config)
                .AddInMemoryCollection([new($"ConnectionStrings:{DatabaseSetup.ConnectionName}", $"Data Source={fallbackSqlite}")]).Build();
        return new(provider, DatabaseSetup.ResolvedConnectionString(config, Repo.AppRoot), DatabaseSetup.AuditChainKeyPath(config, Repo.AppRoot));
    }

    /// <summary>Environment settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider.ToString(),
        [$"ConnectionStrings__{DatabaseSetup.ConnectionName}"] = ConnectionString,
        // The generator chained the audit log with this key; the app appends to the same chain.
        ["Audit__ChainKeyPath"] = AuditKeyPath,
    };

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = Context();
        await db.Database.MigrateAsync(ct);
    }

    public async Task<bool> HasDataAsync(CancellationToken ct = default)
    {
        await using var db = Context();
        return await db.Database.CanConnectAsync(ct) && await db.Units.AnyAsync(ct);
    }

    /// <summary>
    /// A context for bulk loading: no audit interceptor (the generator writes the history itself), no change
    /// detection on every Add, and on SQLite no waiting for the disk on every commit and a page cache big enough for
    /// the indexes (with SQLite's default 2 MB the audit table's indexes, filled in random order, went to disk:
    /// 192 s for the 500,000 entries, 25 s with 256 MB).
    /// </summary>
    public async Task<DonDocDbContext> BulkContextAsync(CancellationToken ct = default)
    {
        var context = Context();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        if (Provider == DatabaseProvider.Sqlite)
        {
            await context.Database.OpenConnectionAsync(ct);
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;", ct);
        }
        return context;
    }

    private DonDocDbContext Context() => Provider == DatabaseProvider.Sqlite
        ? new SqliteDonDocDbContext(new DbContextOptionsBuilder<SqliteDonDocDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresDonDocDbContext(new DbContextOptionsBuilder<PostgresDonDocDbContext>().UseNpgsql(ConnectionString).Options);
}
