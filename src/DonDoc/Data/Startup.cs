using DonDoc.Features.Audit;
using DonDoc.Demo;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data;

public static class Startup
{
    /// <summary>
    /// Migrates (retrying while a database server is still starting) and, on an empty SQLite database,
    /// loads the demo data so that a newcomer sees a living system. PostgreSQL never gets demo data by itself.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        if (config.GetValue("Database:MigrateOnStartup", true))
            await MigrateAsync(services, logger);

        var loadDemo = config.GetValue("Demo:Load", true) && DatabaseSetup.Provider(config) == DatabaseProvider.Sqlite;
        if (!loadDemo)
            return;
        await using var scope = services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        if (await demo.IsDatabaseEmptyAsync())
        {
            logger.LogInformation("Empty database: loading demo data (turn off with --no-demo or Demo:Load=false)");
            await demo.LoadAsync();
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
                var pending = await db.Database.GetPendingMigrationsAsync(ct);
                await db.Database.MigrateAsync(ct);
                // The log written before it was chained is linked once, as the change that adds the chain lands.
                if (pending.Any(m => m.EndsWith("_AuditChain", StringComparison.Ordinal)))
                    await scope.ServiceProvider.GetRequiredService<AuditChain>().SealUnchainedAsync(db, ct);
                return;
            }
            catch (Exception ex) when (attempt < 10 && IsTransient(ex))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Message}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt * 2, 10)), ct);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException
        || ex.InnerException is { } inner && IsTransient(inner);
}
