using Microsoft.Playwright;

namespace DonDoc.Bench.Run;

/// <summary>
/// What an idle signed-in Blazor Server user costs the server: the officer signs in once, then opens the task list
/// in N tabs of headless Chromium, each tab a circuit. The app runs in this process so that a forced full GC can be
/// asked for before each reading; the browser runs in its own processes and does not count.
/// </summary>
internal static class CircuitMemory
{
    public const string Page = "/nhiem-vu";
    private const string Chromium = "/usr/bin/chromium";

    public sealed record Result(int Circuits, string Page, long ManagedPerCircuit, long WorkingSetPerCircuit);

    public static async Task<Result?> MeasureAsync(BenchDatabase database, int circuits)
    {
        if (!File.Exists(Chromium))
        {
            Console.Error.WriteLine($"Không có Chromium ở {Chromium}: bỏ qua phép đo bộ nhớ mỗi circuit.");
            return null;
        }
        await using var app = await AppHost.StartAsync(database, inProcess: true);
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
        // One circuit first, closed again: what every circuit shares (compiled queries, component types) is loaded before the baseline.
        await OpenAsync(context);
        await context.Pages[^1].CloseAsync();
        await Task.Delay(1000);

        var (managedBefore, workingSetBefore) = Settled(app);
        for (var i = 0; i < circuits; i++)
            await OpenAsync(context);
        await Task.Delay(2000);
        var (managedAfter, workingSetAfter) = Settled(app);
        Console.Error.WriteLine($"  {circuits} circuit: managed {managedBefore / 1048576.0:0.0} → {managedAfter / 1048576.0:0.0} MB, "
            + $"working set {workingSetBefore / 1048576.0:0} → {workingSetAfter / 1048576.0:0} MB");
        await context.CloseAsync();
        return new Result(circuits, Page, (managedAfter - managedBefore) / circuits, (workingSetAfter - workingSetBefore) / circuits);
    }

    private static async Task OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Page);
        // The circuit is up once Blazor has rendered interactively: the grid's rows are there.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-table-body tr') !== null",
            null, new() { Timeout = 60_000 });
    }

    private static (long Managed, long WorkingSet) Settled(AppHost app)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (GC.GetTotalMemory(forceFullCollection: true), app.WorkingSet);
    }
}
