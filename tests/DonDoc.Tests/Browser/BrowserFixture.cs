using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DonDoc.Tests.Browser;

/// <summary>
/// The app served by Kestrel on a loopback port with the demo province loaded, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). Tests skip, naming what is missing, where Chromium is absent; CI
/// installs it and fails on skips.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public DonDocApp? App { get; private set; }
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory
    {
        get
        {
            var path = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            return;
        App = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Demo:Load"] = "true",
            // Inspectors stand in for the roles that must use two steps (admin and coordinator by default), whom the
            // journeys sign in as with a password only; no other journey signs in as an inspector.
            ["Security:TwoFactorRequiredRoles"] = Roles.Inspector,
        });
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        Assert.SkipWhen(Browser is null, $"Chromium is not installed at {ChromiumPath} (apt-get install chromium)");
        var context = await Browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    /// <summary>Fills and sends the login form; where it leads is the caller's to check.</summary>
    public async Task SubmitLoginAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync($"{BaseUrl}/dang-nhap");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    public async Task SignInAsync(IPage page, string userName, string password = DonDoc.Demo.DemoData.Password)
    {
        await SubmitLoginAsync(page, userName, password);
        await page.WaitForURLAsync($"{BaseUrl}/tong-quan");
        // The overview arrives as plain HTML first; a menu click before its circuit connects changes the address
        // but not the page. Waiting for the network to settle waits for the circuit.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
