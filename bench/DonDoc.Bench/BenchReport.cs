using System.Globalization;
using System.Runtime.InteropServices;

namespace DonDoc.Bench;

/// <summary>Writes a benchmark's table into docs/benchmarks.md, replacing the previous run's for the same database.</summary>
internal static class BenchReport
{
    /// <summary>Replaces the block marked with <paramref name="key"/> ("run:Postgres", "run:Sqlite"), or appends it.</summary>
    public static void Write(string key, string section)
    {
        var path = Path.Combine(Repo.Root, "docs", "benchmarks.md");
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

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        // Other builds share the machine; the load says how far the numbers are from an idle one.
        var load = File.Exists("/proc/loadavg") ? $", load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores{load}, {RuntimeInformation.OSDescription}";
    }
}
