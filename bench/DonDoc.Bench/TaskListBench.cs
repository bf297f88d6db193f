using System.Diagnostics;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Tasks;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Bench;

/// <summary>
/// Times the task list (TaskList.QueryAsync, as the /nhiem-vu page and GET /api/v1/tasks call it) over 20,000
/// assignments: each query on a fresh context, as a page asks, with the memory it allocates, which stays at one
/// page's worth when nothing loads the whole list.
/// </summary>
internal static class TaskListBench
{
    public const int Warmup = 3;

    private sealed record Case(string Name, UnitScope Scope, TaskFilter Filter);

    public sealed record Result(string Name, int Matched, int Returned, double P50, double P95, double Max, long AllocatedBytes);

    public static async Task RunAsync(string? postgres, int runs)
    {
        var today = VietnamTime.Today(TimeProvider.System);
        await using var database = await BenchDatabase.CreateAsync(postgres);
        Console.Error.WriteLine($"Nạp dữ liệu vào {database.Provider}…");
        var seeding = Stopwatch.StartNew();
        string officerPath;
        await using (var bulk = await database.BulkContextAsync())
        {
            var units = await BenchData.UnitsAsync(bulk);
            await BenchData.TasksAsync(bulk, units, today);
            // A district officer sees the district and its communes.
            officerPath = units.First(u => u.Kind == DonDoc.Features.Units.UnitKind.District).Path;
        }
        seeding.Stop();
        if (database.Provider == DatabaseProvider.Postgres)
            await AnalyzeAsync(database);

        Case[] cases =
        [
            new("Trang 1, không lọc", UnitScope.Everything, new TaskFilter()),
            new("Trang 50, không lọc", UnitScope.Everything, new TaskFilter(Page: 50)),
            new("Trạng thái: chưa hoàn thành, quá hạn", UnitScope.Everything, new TaskFilter(Status: AssignmentStatusCode.InProgressOverdue)),
            new("Tìm chữ \"đẩy mạnh\"", UnitScope.Everything, new TaskFilter(Text: "đẩy mạnh")),
            new("Phạm vi một huyện (chuyên viên đơn vị)", new UnitScope(false, officerPath), new TaskFilter()),
            new("Việc của đơn vị tôi (huyện, chưa xong)", new UnitScope(false, officerPath), MyTasks.Filter()),
        ];
        var results = new List<Result>();
        foreach (var c in cases)
        {
            results.Add(await MeasureAsync(database, c, today, runs));
            Console.Error.WriteLine($"  {results[^1]}");
        }
        var counts = await MeasureCountsAsync(database, officerPath, today, runs);
        Console.Error.WriteLine($"  {counts}");
        results.Add(counts);

        var report = BenchReport.TaskList(database.Provider, await VersionAsync(database), runs, seeding.Elapsed, results);
        BenchReport.Write($"tasklist:{database.Provider}", report);
        Console.WriteLine(report);
    }

    private static async Task<Result> MeasureAsync(BenchDatabase database, Case c, DateOnly today, int runs)
    {
        TaskPage? page = null;
        var (times, allocated) = await TimeAsync(database, runs, async db => page = await TaskList.QueryAsync(db, c.Scope, c.Filter, new StatusDay(today)));
        return Summarise(c.Name, page!.Total, page.Items.Count, times, allocated);
    }

    private static async Task<Result> MeasureCountsAsync(BenchDatabase database, string officerPath, DateOnly today, int runs)
    {
        MyTaskCounts? counts = null;
        var (times, allocated) = await TimeAsync(database, runs, async db => counts = await MyTasks.CountAsync(db, new UnitScope(false, officerPath), new StatusDay(today)));
        return Summarise("Bốn con số của \"Việc của đơn vị tôi\"", counts!.InProgress + counts.AwaitingReview, 4, times, allocated);
    }

    /// <summary>Each run on a new context from the app's factory, timed from creating it to disposing of it.</summary>
    private static async Task<(List<double> Times, long Allocated)> TimeAsync(BenchDatabase database, int runs, Func<DonDocDbContext, Task> query)
    {
        var times = new List<double>(runs);
        long allocated = 0;
        await using var scope = database.Scope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<DonDocDbContext>>();
        for (var i = 0; i < Warmup + runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await using (var db = await factory.CreateDbContextAsync())
                await query(db);
            watch.Stop();
            if (i < Warmup)
                continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }
        return (times, allocated);
    }

    private static Result Summarise(string name, int matched, int returned, List<double> times, long allocated)
    {
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return new Result(name, matched, returned, At(0.50), At(0.95), times[^1], allocated / times.Count);
    }

    private static async Task AnalyzeAsync(BenchDatabase database)
    {
        await using var db = await database.BulkContextAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static async Task<string> VersionAsync(BenchDatabase database)
    {
        await using var db = await database.BulkContextAsync();
        var sql = database.Provider == DatabaseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version() AS \"Value\"" : "SELECT version() AS \"Value\"";
        var version = await db.Database.SqlQueryRaw<string>(sql).FirstAsync();
        return version.Split(" on ")[0];
    }
}
