using System.Globalization;
using System.Net;
using DonDoc.Bench.Run;
using DonDoc.Features.Audit;

namespace DonDoc.Bench.Load;

/// <summary>
/// The load test: the scale's database (generated unless it is there), the app on loopback, the virtual users for
/// the duration, then every acknowledged write looked up in the database and the audit chain verified; the table
/// is printed and written into docs/benchmarks.md.
/// </summary>
internal static class LoadRunner
{
    public sealed record Outcome(string Markdown, LoadLoop.Result Run, LostWrites.Check Writes, ChainCheck Audit)
    {
        public bool Clean => Run.Errors.Count == 0 && Writes.Lost.Count == 0 && Audit.Holds;
    }

    public static async Task<int> RunAsync(LoadOptions options)
    {
        // The load goes to this machine only: the app is started here, and the database it writes to must be here too.
        if (options.Postgres is { } server && !OnThisMachine(server))
        {
            Console.Error.WriteLine("Chỉ chạy thử tải với máy chủ PostgreSQL trên máy này (127.0.0.1, ::1, localhost hoặc socket).");
            return 2;
        }
        var database = options.Postgres is { } s ? Runner.Postgres(s, options.Scale) : Runner.Sqlite(options.Scale);
        var outcome = await RunOneAsync(database, options);
        Console.WriteLine(outcome.Markdown);
        if (options.WriteDocs)
            BenchReport.Write($"load:{database.Provider}", outcome.Markdown);
        return outcome.Clean ? 0 : 1;
    }

    public static async Task<Outcome> RunOneAsync(BenchDatabase database, LoadOptions options)
    {
        var generated = await Runner.EnsureDataAsync(database, options.Scale, options.Today);
        await using var fixture = new Fixture(database, options.Today);
        var users = await VirtualUsers.PickAsync(fixture, options.Users);
        await VirtualUsers.GiveTokensAsync(database, users, DateTime.UtcNow);
        var lastProgressId = await LostWrites.LastProgressIdAsync(fixture);

        LoadLoop.Result run;
        long peak;
        string host;
        string machineLoad;
        await using (var app = await AppHost.StartAsync(database, options.InProcess))
        {
            if (!app.BaseAddress.IsLoopback)
                throw new InvalidOperationException($"Ứng dụng không ở địa chỉ loopback ({app.BaseAddress}); không gửi tải.");
            host = app.Description;
            Console.Error.WriteLine($"{users.Count} người dùng ảo, {options.Duration.TotalSeconds:0} s, tối đa {options.MaxRequests:N0} yêu cầu…");
            var running = LoadLoop.RunAsync(app.BaseAddress, users, new LoadActions(options.Today), options);
            machineLoad = await LoadAverageDuringAsync(running);
            run = await running;
            peak = app.PeakWorkingSet;
        }

        Console.Error.WriteLine("Đối chiếu các lần ghi đã được xác nhận với cơ sở dữ liệu…");
        var writes = await LostWrites.CheckAsync(fixture, run.Acknowledged, lastProgressId);
        ChainCheck audit;
        await using (var db = await database.BulkContextAsync())
            audit = await AuditChain.FromKeyFile(database.AuditKeyPath).VerifyAsync(db);
        return new(LoadTable.Markdown(database, options, generated, host, machineLoad, users, run, writes, audit, peak), run, writes, audit);
    }

    /// <summary>
    /// The 1-minute load average, sampled every 5 s while the users run: other developers' builds share the 2 cores,
    /// and the load at the end of the run alone says little of what the app had during it.
    /// </summary>
    private static async Task<string> LoadAverageDuringAsync(Task running)
    {
        var samples = new List<double>();
        while (!running.IsCompleted && File.Exists("/proc/loadavg"))
        {
            samples.Add(double.Parse((await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0], CultureInfo.InvariantCulture));
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5)));
        }
        return samples.Count == 0 ? "not known" : string.Create(CultureInfo.InvariantCulture, $"{samples.Min():0}–{samples.Max():0} (mean {samples.Average():0})");
    }

    private static bool OnThisMachine(string server) =>
        new Npgsql.NpgsqlConnectionStringBuilder(server).Host?.Split(',').All(h =>
            h.StartsWith('/') || h.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip))) ?? false;
}
