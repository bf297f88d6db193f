using System.Data.Common;
using DonDoc.Data;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Reliability;

/// <summary>
/// Every connection the app opens to SQLite runs in WAL mode with synchronous=FULL: what the crash test cannot show
/// (a SIGKILL loses nothing the OS already holds; a power cut would), this reads from the connection itself.
/// </summary>
public sealed class SqlitePragmaTests(Apps apps)
{
    [Fact]
    public async Task The_apps_connections_write_ahead_and_sync_every_commit()
    {
        var (mode, synchronous) = await apps.For(Provider.Sqlite).WithScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<DonDocDbContext>().Database.GetDbConnection();
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return (await ScalarAsync(connection, "PRAGMA journal_mode"), await ScalarAsync(connection, "PRAGMA synchronous"));
        });

        Assert.Equal("wal", mode);
        Assert.Equal("2", synchronous);   // FULL
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
