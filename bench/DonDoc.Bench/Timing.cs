using System.Diagnostics;

namespace DonDoc.Bench;

/// <summary>Latency percentiles and throughput of a batch of timed operations: the one summary every benchmark prints.</summary>
internal sealed record Timing(int Count, double P50, double P95, double P99, double Max, double PerSecond, int Failures)
{
    public static Timing Of(IReadOnlyCollection<double> milliseconds, TimeSpan elapsed, int failures = 0)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1],
            sorted.Length / Math.Max(elapsed.TotalSeconds, 1e-9), failures);
    }

    /// <summary>
    /// Runs <paramref name="total"/> operations from <paramref name="clients"/> concurrent loops, each taking the next
    /// operation number until all are taken: the same work at every concurrency level, only its spread differs.
    /// </summary>
    public static async Task<Timing> MeasureAsync(int clients, int total, Func<int, Task<bool>> operation)
    {
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var next = -1;
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(i);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                    Interlocked.Increment(ref failures);
            }
        })));
        return Of(times, watch.Elapsed, failures);
    }
}
