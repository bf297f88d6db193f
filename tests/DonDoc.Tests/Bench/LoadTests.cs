using DonDoc.Bench;
using DonDoc.Bench.Generate;
using DonDoc.Bench.Load;
using DonDoc.Data;
using Microsoft.Data.Sqlite;

namespace DonDoc.Tests.Bench;

/// <summary>
/// The CI smoke test of the load command: ten virtual users for five seconds against the app on Kestrel, on the
/// small scale in a temp SQLite file (the measured run is PostgreSQL). No timing is asserted; only that no request
/// failed and every acknowledged write is in the database.
/// </summary>
public sealed class LoadTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dondoc-load-test-");

    private static LoadOptions Options(string? postgres = null) => new(Scale.Small, new DateOnly(2026, 11, 27), postgres, Users: 10,
        Duration: TimeSpan.FromSeconds(5), MaxRequests: 20_000, ThinkTime: TimeSpan.Zero, InProcess: true, WriteDocs: false);

    [Fact]
    public async Task Ten_users_reading_and_writing_get_no_error_and_lose_no_write()
    {
        var database = new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir.FullName, "load.db")}", Path.Combine(_dir.FullName, "audit-chain.key"));

        var outcome = await LoadRunner.RunOneAsync(database, Options());

        Assert.Empty(outcome.Run.Errors);
        Assert.Empty(outcome.Writes.Lost);
        Assert.Equal(0, outcome.Writes.Unacknowledged);
        Assert.True(outcome.Writes.Progress + outcome.Writes.Drafts > 0, "the users wrote something");
        Assert.True(outcome.Audit.Holds, outcome.Audit.Message);
        Assert.Contains("10 virtual users", outcome.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_server_elsewhere_is_refused_before_anything_is_sent()
    {
        Assert.Equal(2, await LoadRunner.RunAsync(Options("Host=192.0.2.10;Username=postgres")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
