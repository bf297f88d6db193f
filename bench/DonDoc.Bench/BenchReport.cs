using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DonDoc.Data;

namespace DonDoc.Bench;

/// <summary>Writes a benchmark's table into docs/benchmarks.md, replacing the previous run's for the same database.</summary>
internal static class BenchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string TaskList(DatabaseProvider provider, string version, int runs, TimeSpan seeding, IReadOnlyList<TaskListBench.Result> results)
    {
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"### {(provider == DatabaseProvider.Sqlite ? "SQLite (temp file)" : "PostgreSQL (throwaway server, scripts/pg-throwaway.sh)")}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd}: {Machine()}, .NET {Environment.Version}, {version}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Data: 300 units, {BenchData.Plans} plans, {BenchData.Plans * BenchData.TasksPerPlan:N0} tasks, "
                + $"{BenchData.Assignments:N0} assignments with one occurrence each, loaded in {seeding.TotalSeconds.ToString("0.0", Invariant)} s. "
                + $"Each query {runs} times after {TaskListBench.Warmup} warm-up runs, each on a new context from the app's factory.")
            .AppendLine()
            .AppendLine("| Query | Rows matched | Rows returned | p50 (ms) | p95 (ms) | max (ms) | Allocated per query |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Matched:N0} | {r.Returned:N0} | {Ms(r.P50)} | {Ms(r.P95)} | {Ms(r.Max)} | {r.AllocatedBytes / 1024.0:N0} KB |");
        return md.ToString();
    }

    /// <summary>Replaces the block marked with <paramref name="key"/> ("tasklist:Sqlite", "reports:Sqlite"), or appends it.</summary>
    public static void Write(string key, string section)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
        var start = $"<!-- bench:{key} -->";
        var end = $"<!-- /bench:{key} -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var block = $"{start}\n{section}{end}";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : text.TrimEnd() + (text.Length == 0 ? "" : "\n\n") + block + "\n";
        File.WriteAllText(path, text);
        Console.Error.WriteLine($"Đã ghi kết quả vào {path}");
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", Invariant);

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        // Other builds share the machine; the load says how far the numbers are from an idle one.
        var load = File.Exists("/proc/loadavg") ? $", load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores{load}, {RuntimeInformation.OSDescription}";
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonDoc.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Không tìm thấy thư mục gốc của mã nguồn (DonDoc.slnx).");
    }
}
