using DonDoc.Features.Audit;
using DonDoc.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string ConnectionName = "DonDoc";

    public static DatabaseProvider Provider(IConfiguration config) =>
        (config["Database:Provider"] ?? "Sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException(
                $"Database:Provider '{other}' is not supported; use Sqlite or Postgres."),
        };

    public static string ConnectionString(IConfiguration config, DatabaseProvider provider) =>
        config.GetConnectionString(ConnectionName) is { Length: > 0 } cs
            ? cs
            : provider == DatabaseProvider.Sqlite
                ? "Data Source=data/dondoc.db"
                : throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionName} is required for PostgreSQL.");

    /// <summary>
    /// Registers a scoped <see cref="IDbContextFactory{DonDocDbContext}"/> (Blazor circuits create a short-lived
    /// context per operation) and a scoped <see cref="DonDocDbContext"/> for requests and Identity.
    /// The factory is scoped so that the audit interceptor sees the scope's current user.
    /// </summary>
    /// <summary>The connection string as the app uses it: a relative SQLite file anchored to the content root.</summary>
    public static string ResolvedConnectionString(IConfiguration config, string contentRoot)
    {
        var provider = Provider(config);
        var cs = ConnectionString(config, provider);
        return provider == DatabaseProvider.Sqlite ? AnchorSqliteFile(cs, contentRoot) : cs;
    }

    /// <summary>Beside the keys that sign the login cookie: outside the database, on the server only.</summary>
    public static string AuditChainKeyPath(IConfiguration config, string contentRoot) =>
        config["Audit:ChainKeyPath"] ?? Path.Combine(config["DataProtection:KeysPath"] ?? Path.Combine(contentRoot, "data", "keys"), "audit-chain.key");

    public static IServiceCollection AddDonDocDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = Provider(config);
        var cs = ResolvedConnectionString(config, contentRoot);
        services.AddSingleton(_ => AuditChain.FromKeyFile(AuditChainKeyPath(config, contentRoot)));
        if (provider == DatabaseProvider.Sqlite)
        {
            Register<SqliteDonDocDbContext>(services, (sp, o) => o.UseSqlite(cs)
                .AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<DashboardInvalidation>()));
        }
        else
        {
            Register<PostgresDonDocDbContext>(services, (sp, o) => o.UseNpgsql(cs)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<DashboardInvalidation>()));
        }
        return services;
    }

    private static void Register<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : DonDocDbContext
    {
        services.AddScoped<AuditInterceptor>();
        services.AddDbContextFactory<TContext>(configure, ServiceLifetime.Scoped);
        services.AddScoped<IDbContextFactory<DonDocDbContext>, ContextFactory<TContext>>();
        services.AddScoped<DonDocDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    /// <summary>A relative SQLite file lives under the app's content root, whatever folder the app was started from.</summary>
    private static string AnchorSqliteFile(string cs, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
        if (builder.DataSource is ":memory:" or "")
            return cs;
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<DonDocDbContext>
        where TContext : DonDocDbContext
    {
        public DonDocDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
