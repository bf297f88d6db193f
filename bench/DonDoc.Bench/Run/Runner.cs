using System.Globalization;
using System.Net.Http.Headers;
using DonDoc.Bench.Generate;
using DonDoc.Data;

namespace DonDoc.Bench.Run;

/// <summary>
/// For SQLite, then PostgreSQL when a server is named: generates the scale's database unless it is already there,
/// starts the app on it, runs every scenario and its floor at each concurrency level, measures the app's memory and
/// a Blazor circuit's, prints the table and writes it into docs/benchmarks.md.
/// </summary>
internal static class Runner
{
    public static async Task<int> RunAsync(RunOptions options)
    {
        var databases = new List<BenchDatabase>();
        if (options.Databases.Contains("sqlite"))
            databases.Add(Sqlite(options.Scale));
        if (options.Postgres is { } server && options.Databases.Contains("postgres"))
            databases.Add(Postgres(server, options.Scale));
        foreach (var database in databases)
        {
            var outcome = await RunOneAsync(database, options);
            Console.WriteLine(outcome.Markdown);
            if (options.WriteDocs)
                BenchReport.Write($"run:{database.Provider}", outcome.Markdown);
        }
        return 0;
    }

    public sealed record Outcome(string Markdown, IReadOnlyList<ResultTable.Row> Rows);

    /// <summary>The scale's SQLite file under the app's data folder.</summary>
    public static BenchDatabase Sqlite(Scale scale) =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Repo.AppRoot, "data", $"bench-{scale.Name}.db")}", AuditKey(scale));

    /// <summary>The scale's database on the PostgreSQL <paramref name="server"/>.</summary>
    public static BenchDatabase Postgres(string server, Scale scale) =>
        new(DatabaseProvider.Postgres, $"{server.TrimEnd(';')};Database=dondoc_bench_{scale.Name}", AuditKey(scale));

    private static string AuditKey(Scale scale) => Path.Combine(Repo.AppRoot, "data", "keys", $"bench-{scale.Name}-audit-chain.key");

    /// <summary>Generates the scale's data unless the database already has it; what was generated, or null when reused.</summary>
    public static async Task<Generator.Counts?> EnsureDataAsync(BenchDatabase database, Scale scale, DateOnly today)
    {
        Console.Error.WriteLine($"== {database.Describe()}");
        Directory.CreateDirectory(Path.Combine(Repo.AppRoot, "data"));
        // Data generated before the app's latest migrations is brought up to date rather than generated again.
        await database.MigrateAsync();
        if (!await database.HasDataAsync())
            return await Generator.RunAsync(database, scale, today);
        Console.Error.WriteLine("Dùng lại dữ liệu đã sinh.");
        return null;
    }

    public static async Task<Outcome> RunOneAsync(BenchDatabase database, RunOptions options)
    {
        var generated = await EnsureDataAsync(database, options.Scale, options.Today);
        await using var fixture = await Fixture.LoadAsync(database, options.Today);
        var rows = new List<ResultTable.Row>();
        long peak;
        string hostDescription;
        await using (var app = await AppHost.StartAsync(database, options.InProcess))
        {
            hostDescription = app.Description;
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var clients = BenchAccounts.All.ToDictionary(a => a.UserName, a => Client(handler, app.BaseAddress, a.UserName));
            foreach (var scenario in Scenarios.All)
            {
                var http = clients[scenario.Account];
                Func<int, Task<bool>> send = async i =>
                {
                    using var response = await http.SendAsync(scenario.Request(fixture, i));
                    await response.Content.CopyToAsync(Stream.Null);
                    return response.IsSuccessStatusCode;
                };
                await Timing.MeasureAsync(1, Math.Min(5, options.Requests), send);
                foreach (var level in options.Clients)
                {
                    var count = scenario.RequestsFor(options.Requests, level);
                    var measured = await Timing.MeasureAsync(level, count, send);
                    Timing? floor = null;
                    if (scenario.Floor is { } query)
                        floor = await Timing.MeasureAsync(level, count, async i => { await query(fixture, i); return true; });
                    rows.Add(new(scenario.Name, level, measured, floor, app.WorkingSet));
                    Console.Error.WriteLine($"  {scenario.Name}, {level} client(s): {measured}{(floor is null ? "" : $"; floor {floor}")}");
                }
            }
            peak = app.PeakWorkingSet;
            foreach (var client in clients.Values)
                client.Dispose();
        }

        CircuitMemory.Result? circuits = null;
        if (options.Circuits > 0)
            circuits = await CircuitMemory.MeasureAsync(database, options.Circuits);
        return new(ResultTable.Markdown(database, options, generated, hostDescription, rows, peak, circuits), rows);
    }

    /// <summary>A client signed in as <paramref name="userName"/> with the token the benchmark gave that account.</summary>
    public static HttpClient Client(HttpMessageHandler handler, Uri baseAddress, string userName)
    {
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchAccounts.TokenOf(userName));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi-VN"));
        return client;
    }

    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
