using System.Diagnostics;
using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Bench.Generate;

/// <summary>
/// Fills an empty DonDoc database (migrated first) with a province's five years of use. Deterministic: the same
/// scale and the same "today" give the same rows.
/// </summary>
internal static class Generator
{
    public const int Seed = 20_261_127;

    public sealed record Counts(int Units, int Users, int Plans, int Assignments, int ProgressUpdates, int Periods, int UnitReports, int AuditEntries,
        int ConsolidationPeriodId, TimeSpan Elapsed);

    public static async Task<Counts> RunAsync(BenchDatabase database, Scale scale, DateOnly today, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await database.MigrateAsync(ct);
        await using var db = await database.BulkContextAsync(ct);
        if (await db.Units.AnyAsync(ct) || await db.Users.AnyAsync(ct))
            throw new InvalidOperationException("Cơ sở dữ liệu đã có dữ liệu; hãy dùng một cơ sở dữ liệu trống để sinh dữ liệu đo hiệu năng.");
        var provider = database.Provider;
        var now = today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

        var units = await Step("đơn vị", () => UnitsAndPeople.UnitsAsync(db, scale, ct));
        var province = await Step("người dùng", () => UnitsAndPeople.PeopleAsync(db, provider, scale, units, now, ct));
        var plans = await Step("kế hoạch, nhiệm vụ", () => PlansAndProgress.PlansAsync(db, provider, scale, province, today, now, ct));
        var updates = await Step("cập nhật tiến độ", () => PlansAndProgress.ProgressAsync(db, provider, scale, province, plans, today, ct));
        var reports = await Step("báo cáo định kỳ", () => Reports.AddAsync(db, provider, scale, province, today, ct));
        var audit = await Step("nhật ký", () => AuditTrail.AddAsync(db, database, scale, province, now, ct));
        await Step("thống kê cho bộ tối ưu truy vấn (ANALYZE)", async () => await db.Database.ExecuteSqlRawAsync("ANALYZE", ct));
        return new Counts(units.Count, province.NameOf.Count, scale.Plans, plans.Occurrences.Count, updates, reports.Periods, reports.Reports, audit,
            reports.ConsolidationPeriodId, watch.Elapsed);

        async Task<T> Step<T>(string what, Func<Task<T>> step)
        {
            var started = watch.Elapsed;
            var result = await step();
            Console.Error.WriteLine($"  {what}: {(watch.Elapsed - started).TotalSeconds:0.0} s");
            return result;
        }
    }
}
