using System.Globalization;
using System.Text;
using DonDoc.Bench.Generate;
using DonDoc.Bench.Run;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;

namespace DonDoc.Bench.Load;

/// <summary>The Markdown section a load run writes into docs/benchmarks.md.</summary>
internal static class LoadTable
{
    public static string Markdown(BenchDatabase database, LoadOptions options, Generator.Counts? generated, string host, string machineLoad,
        IReadOnlyList<VirtualUser> users,
        LoadLoop.Result run, LostWrites.Check writes, ChainCheck audit, long peakWorkingSet)
    {
        var inv = CultureInfo.InvariantCulture;
        int Count(string role) => users.Count(u => u.Role == role);
        var md = new StringBuilder()
            .AppendLine(inv, $"### {(database.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")}, scale {options.Scale.Name}: "
                + $"{users.Count} users for {options.Duration.TotalSeconds:0} s")
            .AppendLine()
            .AppendLine(inv, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {BenchReport.Machine()}, .NET {Environment.Version}; "
                + $"load average while the users ran: {machineLoad}. App: {host}.")
            .AppendLine(inv, $"{users.Count} virtual users, each a different account: {Count(Roles.Leader)} leaders, {Count(Roles.Coordinator)} coordinator, "
                + $"{Count(Roles.UnitHead)} unit heads, {Count(Roles.UnitOfficer)} unit officers; think time {options.ThinkTime.TotalMilliseconds:0} ms; "
                + $"bound: {options.Duration.TotalSeconds:0} s or {options.MaxRequests:N0} requests; ran {run.Elapsed.TotalSeconds:0.0} s, no warm-up; "
                + $"\"today\" = {options.Today:yyyy-MM-dd}. Data: {(generated is null ? "generated earlier, reused" : $"generated for this run in {generated.Elapsed.TotalSeconds:0} s")}.")
            .AppendLine()
            .AppendLine("| Action | Requests | p50 ms | p95 ms | p99 ms | max ms | req/s | Errors |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, t) in run.Actions.Append(("**All**", run.All)))
            md.AppendLine(inv, $"| {name} | {t.Count:N0} | {Runner.Ms(t.P50)} | {Runner.Ms(t.P95)} | {Runner.Ms(t.P99)} | {Runner.Ms(t.Max)} | {t.PerSecond:0.0} | {t.Failures} |");
        md.AppendLine()
            .AppendLine(inv, $"Writes acknowledged: {writes.Progress:N0} progress updates and {writes.Drafts:N0} draft-section saves "
                + $"({writes.DraftSectionsChecked:N0} sections checked against their last save). "
                + $"**Lost writes: {writes.Lost.Count}** (each acknowledged write looked up in the database after the run); "
                + $"progress updates stored without an acknowledgement: {writes.Unacknowledged}. Audit chain after the run: {audit.Message}")
            .AppendLine()
            .AppendLine(inv, $"**Errors: {run.Errors.Values.Sum()}**{(run.Errors.Count == 0 ? "." : ":")}");
        foreach (var (cause, count) in run.Errors.OrderByDescending(e => e.Value))
            md.AppendLine(inv, $"- {count} × {cause}");
        foreach (var problem in writes.Lost.Take(20))
            md.AppendLine(inv, $"- lost: {problem}");
        return md.AppendLine()
            .AppendLine(inv, $"Peak working set of the app process over the run: {peakWorkingSet / 1048576.0:0} MB.")
            .ToString();
    }
}
