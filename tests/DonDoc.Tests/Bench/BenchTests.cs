using DonDoc.Bench;
using DonDoc.Bench.Generate;
using DonDoc.Bench.Run;
using DonDoc.Data;
using Microsoft.Data.Sqlite;

namespace DonDoc.Tests.Bench;

/// <summary>
/// The CI smoke test of bench/DonDoc.Bench: the small scale generated into a temp SQLite file, then every scenario
/// run a few times against the app on Kestrel. No timing is asserted; only that the data is there and every
/// request succeeds.
/// </summary>
public sealed class BenchTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dondoc-bench-test-");

    private BenchDatabase Database(string name) =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dir.FullName, name)}", Path.Combine(_dir.FullName, "audit-chain.key"));

    [Fact]
    public async Task Small_scale_writes_what_it_reports_and_refuses_a_database_with_data()
    {
        var database = Database("counts.db");
        var counts = await Generator.RunAsync(database, Scale.Small, Today, TestContext.Current.CancellationToken);

        Assert.Equal(Scale.Small.Units, counts.Units);
        Assert.Equal(Scale.Small.Users, counts.Users);
        Assert.Equal(Scale.Small.Assignments, counts.Assignments);
        Assert.Equal(Scale.Small.ProgressUpdates, counts.ProgressUpdates);
        Assert.Equal(Scale.Small.Periods, counts.Periods);
        Assert.Equal(Scale.Small.AuditEntries, counts.AuditEntries);
        Assert.Equal(counts.Units, await CountAsync(database, "Units"));
        Assert.Equal(counts.Users, await CountAsync(database, "AspNetUsers"));
        Assert.Equal(counts.Assignments, await CountAsync(database, "Assignments"));
        Assert.Equal(counts.Assignments, await CountAsync(database, "Occurrences"));
        Assert.Equal(counts.ProgressUpdates, await CountAsync(database, "ProgressUpdates"));
        Assert.Equal(counts.Periods, await CountAsync(database, "ReportPeriods"));
        Assert.Equal(counts.UnitReports, await CountAsync(database, "UnitReports"));
        Assert.Equal(counts.AuditEntries, await CountAsync(database, "AuditEntries"));
        Assert.Equal(Scale.Small.ConsolidationUnits, await CountAsync(database, "UnitReports", $"\"PeriodId\" = {counts.ConsolidationPeriodId}"));
        Assert.True(await CountAsync(database, "Occurrences", "\"DueDate\" > \"OriginalDueDate\"") > 0, "some deadlines are extended");
        await using (var db = await database.BulkContextAsync(TestContext.Current.CancellationToken))
        {
            var chain = await DonDoc.Features.Audit.AuditChain.FromKeyFile(database.AuditKeyPath).VerifyAsync(db, TestContext.Current.CancellationToken);
            Assert.True(chain.Holds, chain.Message);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Generator.RunAsync(database, Scale.Small, Today, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_scale_and_day_give_the_same_rows()
    {
        var first = Database("first.db");
        var second = Database("second.db");
        await Generator.RunAsync(first, Scale.Small, Today, TestContext.Current.CancellationToken);
        await Generator.RunAsync(second, Scale.Small, Today, TestContext.Current.CancellationToken);

        const string Rows = """
            SELECT group_concat(x, '|') FROM (
              SELECT o."Id" || o."State" || coalesce(o."DueDate", '') || coalesce(o."CompletedOn", '') AS x FROM "Occurrences" o
              UNION ALL SELECT "UserName" || "FullName" FROM "AspNetUsers"
              UNION ALL SELECT "Text" FROM "ProgressUpdates" WHERE "Id" % 97 = 0)
            """;
        Assert.Equal(await ScalarAsync(first, Rows), await ScalarAsync(second, Rows));
    }

    [Fact]
    public async Task Every_scenario_runs_against_the_app_without_an_error()
    {
        var database = Database("run.db");
        var options = new RunOptions(Scale.Small, Today, Postgres: null, Databases: ["sqlite"], Requests: 3, Clients: [1, 2], Circuits: 0, InProcess: true, WriteDocs: false);

        var outcome = await Runner.RunOneAsync(database, options);

        Assert.Equal(Scenarios.All.Select(s => s.Name).Order(), outcome.Rows.Select(r => r.Scenario).Distinct().Order());
        Assert.All(outcome.Rows, r => Assert.Equal(0, r.App.Failures));
        Assert.All(outcome.Rows.Where(r => Scenarios.All.Single(s => s.Name == r.Scenario).Floor is not null), r => Assert.NotNull(r.Floor));
        Assert.Contains("App/floor p50", outcome.Markdown, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(BenchDatabase database, string table, string where = "1 = 1") =>
        Convert.ToInt64(await ScalarAsync(database, $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}"), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(BenchDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
