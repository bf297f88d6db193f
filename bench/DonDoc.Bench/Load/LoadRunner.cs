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
        await using (var app = await AppHost.StartAsync(database, options.InProcess))
        {
            if (!app.BaseAddress.IsLoopback)
                throw new InvalidOperationException($"Ứng dụng không ở địa chỉ loopback ({app.BaseAddress}); không gửi tải.");
            host = app.Description;
            Console.Error.WriteLine($"{users.Count} người dùng ảo, {options.Duration.TotalSeconds:0} s, tối đa {options.MaxRequests:N0} yêu cầu…");
            run = await LoadLoop.RunAsync(app.BaseAddress, users, new LoadActions(options.Today), options);
            peak = app.PeakWorkingSet;
        }

        Console.Error.WriteLine("Đối chiếu các lần ghi đã được xác nhận với cơ sở dữ liệu…");
        var writes = await LostWrites.CheckAsync(fixture, run.Acknowledged, lastProgressId);
        ChainCheck audit;
        await using (var db = await database.BulkContextAsync())
            audit = await AuditChain.FromKeyFile(database.AuditKeyPath).VerifyAsync(db);
        return new(LoadTable.Markdown(database, options, generated, host, users, run, writes, audit, peak), run, writes, audit);
    }

    private static bool OnThisMachine(string server) =>
        new Npgsql.NpgsqlConnectionStringBuilder(server).Host?.Split(',').All(h =>
            h.StartsWith('/') || h.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip))) ?? false;
}
