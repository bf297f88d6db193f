using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DonDoc.Bench.Run;

namespace DonDoc.Bench.Load;

/// <summary>A write the server acknowledged (2xx) and the id it answered with.</summary>
internal sealed record Acknowledged(SentWrite Write, int Id);

/// <summary>
/// The virtual users, each on its own client and connection, one request after another until the time is up or
/// the run's request bound is reached. Every answer other than 2xx and every exception is an error, grouped by
/// action and cause.
/// </summary>
internal sealed class LoadLoop
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _times = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentBag<Acknowledged> _acknowledged = [];
    private long _sent;

    public sealed record Result(IReadOnlyList<(string Action, Timing Timing)> Actions, Timing All, IReadOnlyDictionary<string, int> Errors,
        IReadOnlyList<Acknowledged> Acknowledged, TimeSpan Elapsed);

    public static async Task<Result> RunAsync(Uri app, IReadOnlyList<VirtualUser> users, LoadActions actions, LoadOptions options)
    {
        var loop = new LoadLoop();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = users.Count, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((user, index) => Task.Run(async () =>
        {
            using var http = Runner.Client(handler, app, user.UserName);
            var random = new Random(Generate.Generator.Seed + index);
            var mix = actions.MixOf(user.Role);
            long sequence;
            while (watch.Elapsed < options.Duration && (sequence = Interlocked.Increment(ref loop._sent)) <= options.MaxRequests)
            {
                var (action, request) = LoadActions.Next(mix, user, random, sequence);
                await loop.SendAsync(http, action.Name, request);
                if (options.ThinkTime > TimeSpan.Zero)
                    await Task.Delay(options.ThinkTime);
            }
        })));
        var elapsed = watch.Elapsed;
        var actionTimes = loop._times.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, Timing.Of(t.Value, elapsed, loop._failures.GetValueOrDefault(t.Key)))).ToList();
        return new(actionTimes, Timing.Of(loop._times.Values.SelectMany(t => t).ToList(), elapsed, loop._failures.Values.Sum()),
            loop._errors, [.. loop._acknowledged], elapsed);
    }

    private async Task SendAsync(HttpClient http, string action, LoadRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            using var response = await http.SendAsync(request.Message);
            var body = await response.Content.ReadAsStringAsync();
            error = !response.IsSuccessStatusCode ? $"HTTP {(int)response.StatusCode}: {Cause(body)}"
                : request.Write is not { } write ? null
                : IdIn(body) is { } id ? Acknowledge(write, id)
                : "2xx without the written record's id";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            request.Message.Dispose();
        }
        _times.GetOrAdd(action, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (error is not null)
        {
            _failures.AddOrUpdate(action, 1, (_, n) => n + 1);
            _errors.AddOrUpdate($"{action} — {error}", 1, (_, n) => n + 1);
        }
    }

    private string? Acknowledge(SentWrite write, int id)
    {
        _acknowledged.Add(new(write, id));
        return null;
    }

    private static int? IdIn(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("id", out var id) && id.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A problem's title and the fields it names, or the body's start: what groups errors of one cause together.</summary>
    private static string Cause(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var title = json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var fields = json.RootElement.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? " (" + string.Join(", ", e.EnumerateObject().Select(f => $"{f.Name}: {f.Value}")) + ")" : "";
            return (title ?? "") + fields;
        }
        catch (JsonException)
        {
            return body.Length > 160 ? body[..160] : body;
        }
    }
}
