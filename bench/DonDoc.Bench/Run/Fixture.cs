using System.Data.Common;
using DonDoc.Bench.Generate;
using DonDoc.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DonDoc.Bench.Run;

/// <summary>
/// What the scenarios ask for, read from the generated database: the officer's unit path, tasks to open and to
/// report on, the 160-unit period, the seed plan's text. Also the floor's own connection to the database.
/// </summary>
internal sealed class Fixture(BenchDatabase database, DateOnly today) : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres = database.Provider == DatabaseProvider.Postgres ? NpgsqlDataSource.Create(database.ConnectionString) : null;

    public DatabaseProvider Provider => database.Provider;
    public DateOnly Today => today;
    public string OfficerScope { get; private set; } = "";
    public int[] OpenOccurrences { get; private set; } = [];
    public int[] DetailOccurrences { get; private set; } = [];
    public int ConsolidationPeriod { get; private set; }
    public string SeedPlan { get; } = ReadSeedPlan();

    public static async Task<Fixture> LoadAsync(BenchDatabase database, DateOnly today)
    {
        var fixture = new Fixture(database, today);
        await using var connection = await fixture.OpenAsync();
        fixture.OfficerScope = (string)(await Scalar(connection, """
            SELECT u."Path" FROM "AspNetUsers" p JOIN "Units" u ON u."Id" = p."UnitId" WHERE p."UserName" = @p0
            """, BenchAccounts.Officer))! + "%";
        fixture.OpenOccurrences = await Ids(connection, """SELECT "Id" FROM "Occurrences" WHERE "State" = 'Open' AND "DueDate" IS NOT NULL ORDER BY "Id" LIMIT 2000""");
        fixture.DetailOccurrences = await Ids(connection, """
            SELECT o."Id" FROM "Occurrences" o WHERE EXISTS (SELECT 1 FROM "ProgressUpdates" u WHERE u."OccurrenceId" = o."Id") ORDER BY o."Id" LIMIT 500
            """);
        fixture.ConsolidationPeriod = Convert.ToInt32(await Scalar(connection, """
            SELECT "PeriodId" FROM "UnitReports" GROUP BY "PeriodId" ORDER BY COUNT(*) DESC, "PeriodId" LIMIT 1
            """), System.Globalization.CultureInfo.InvariantCulture);
        return fixture;
    }

    /// <summary>A pooled connection, as the app's own are.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync();
        var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A date as the provider stores it: PostgreSQL's date, SQLite's ISO text.</summary>
    public object Date(DateOnly day) => Provider == DatabaseProvider.Postgres ? day : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs the statements and reads every value of every row, as a client of the data would.</summary>
    public async Task<int> ReadAllAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[64];
        do
        {
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    /// <summary>Every row of the statement's result, each as its values.</summary>
    public async Task<List<object[]>> RowsAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return rows;
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static DbCommand Command(DbConnection connection, string sql, object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"p{i}";
            p.Value = parameters[i];
            command.Parameters.Add(p);
        }
        return command;
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int[]> Ids(DbConnection connection, string sql)
    {
        await using var command = Command(connection, sql, []);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync())
            ids.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return [.. ids];
    }

    private static string ReadSeedPlan()
    {
        using var stream = typeof(DonDoc.Demo.SeedPlanText).Assembly.GetManifestResourceStream("DonDoc.Demo.ke-hoach-thuc-hien-nq-30-nq-cp.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
