using System.Globalization;
using System.Text;
using DonDoc.Bench.Generate;
using DonDoc.Data;

namespace DonDoc.Bench.Run;

/// <summary>The Markdown section a run writes into docs/benchmarks.md.</summary>
internal static class ResultTable
{
    /// <param name="WorkingSet">The app's working set right after this level: which scenario drives the peak.</param>
    public sealed record Row(string Scenario, int Clients, Timing App, Timing? Floor, long WorkingSet);

    public static string Markdown(BenchDatabase database, RunOptions options, Generator.Counts? generated, string host, List<Row> rows, long peakWorkingSet,
        CircuitMemory.Result? circuits)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder()
            .AppendLine(inv, $"### {(database.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")}, scale {options.Scale.Name}")
            .AppendLine()
            .AppendLine(inv, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {BenchReport.Machine()}, .NET {Environment.Version}. App: {host}.")
            .AppendLine(inv, $"{options.Requests} requests per scenario and level (heavy ones: a tenth, at least one per client), after 5 warm-up requests; "
                + $"\"today\" = {options.Today:yyyy-MM-dd}.")
            .AppendLine(generated is null ? "Data: generated earlier, reused." : string.Create(inv, $"Data generated in {generated.Elapsed.TotalSeconds:0} s: {generated.Units} units, "
                + $"{generated.Users:N0} users, {generated.Plans} plans, {generated.Assignments:N0} assignments, {generated.ProgressUpdates:N0} updates, "
                + $"{generated.Periods:N0} periods, {generated.UnitReports:N0} unit reports, {generated.AuditEntries:N0} audit entries."))
            .AppendLine()
            .AppendLine("| Scenario | Clients | p50 ms | p95 ms | p99 ms | req/s | Errors | Floor p50 ms | Floor p95 ms | App/floor p50 | App MB after |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var ratio = r.Floor is { } f ? (r.App.P50 / f.P50).ToString("0.0", inv) : "–";
            md.AppendLine(inv, $"| {r.Scenario} | {r.Clients} | {Runner.Ms(r.App.P50)} | {Runner.Ms(r.App.P95)} | {Runner.Ms(r.App.P99)} | "
                + $"{r.App.PerSecond:0} | {r.App.Failures} | {Runner.Ms(r.Floor?.P50 ?? double.NaN)} | {Runner.Ms(r.Floor?.P95 ?? double.NaN)} | {ratio} | {r.WorkingSet / 1048576.0:0} |");
        }
        md.AppendLine()
            .AppendLine(inv, $"Peak working set of the app process over the run: {peakWorkingSet / 1024.0 / 1024.0:0} MB.");
        if (circuits is { } c)
            md.AppendLine(inv, $"Blazor Server, {c.Circuits} idle signed-in circuits on {c.Page} (app in-process, after a forced full GC): "
                + $"{c.ManagedPerCircuit / 1024.0:0} KB managed heap and {c.WorkingSetPerCircuit / 1024.0:0} KB working set per circuit.");
        return md.ToString();
    }
}
