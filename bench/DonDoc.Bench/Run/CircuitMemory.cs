using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.Bench.Run;

/// <summary>
/// What an idle signed-in Blazor Server user costs the server: the officer signs in once, then opens the page the
/// login lands on in N tabs of headless Chromium, each tab a circuit. The app runs in this process so that a forced full GC can be
/// asked for before each reading; the browser runs in its own processes and does not count.
/// </summary>
internal static class CircuitMemory
{
    public const string Page = "/tong-quan";
    private const string Chromium = "/usr/bin/chromium";

    public sealed record Result(int Circuits, string Page, long ManagedPerCircuit, long WorkingSetPerCircuit);

    public static async Task<Result?> MeasureAsync(BenchDatabase database, int circuits)
    {
        if (!File.Exists(Chromium))
        {
            Console.Error.WriteLine($"Không có Chromium ở {Chromium}: bỏ qua phép đo bộ nhớ mỗi circuit.");
            return null;
        }
        var open = new OpenCircuits();
        await using var app = await AppHost.StartAsync(database, inProcess: true, s => s.AddSingleton(open).AddScoped<CircuitHandler, CircuitCounter>());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var login = await context.NewPageAsync();
        await login.GotoAsync("/dang-nhap");
        await login.FillAsync("#username", Generate.BenchAccounts.Officer);
        await login.FillAsync("#password", DonDoc.Demo.DemoData.Password);
        await login.ClickAsync("button[type=submit]");
        await login.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        await login.CloseAsync();
        await open.UntilAsync(0);
        // One circuit first, closed again: what every circuit shares (compiled queries, component types) is loaded before the baseline.
        await OpenAsync(context, open, 1);
        await context.Pages[^1].CloseAsync();
        await open.UntilAsync(0);

        var (managedBefore, workingSetBefore) = Settled(app);
        for (var i = 0; i < circuits; i++)
            await OpenAsync(context, open, i + 1);
        await Task.Delay(1000);
        var (managedAfter, workingSetAfter) = Settled(app);
        Console.Error.WriteLine($"  {circuits} circuit: managed {managedBefore / 1048576.0:0.0} → {managedAfter / 1048576.0:0.0} MB, "
            + $"working set {workingSetBefore / 1048576.0:0} → {workingSetAfter / 1048576.0:0} MB");
        await context.CloseAsync();
        return new Result(circuits, Page, (managedAfter - managedBefore) / circuits, (workingSetAfter - workingSetBefore) / circuits);
    }

    private static async Task OpenAsync(IBrowserContext context, OpenCircuits open, int expected)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Page);
        await open.UntilAsync(expected);
    }

    /// <summary>How many circuits are connected, as the server sees them: the tab's page is loaded before its circuit is up.</summary>
    private sealed class OpenCircuits
    {
        private int _count;

        public void Add(int delta) => Interlocked.Add(ref _count, delta);

        public async Task UntilAsync(int count)
        {
            for (var waited = 0; Volatile.Read(ref _count) != count; waited += 50)
            {
                if (waited > 60_000)
                    throw new TimeoutException($"{Volatile.Read(ref _count)} circuit đang mở, chờ {count}.");
                await Task.Delay(50);
            }
        }
    }

    private sealed class CircuitCounter(OpenCircuits open) : CircuitHandler
    {
        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct)
        {
            open.Add(1);
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken ct)
        {
            open.Add(-1);
            return Task.CompletedTask;
        }
    }

    private static (long Managed, long WorkingSet) Settled(AppHost app)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (GC.GetTotalMemory(forceFullCollection: true), app.WorkingSet);
    }
}
