using DonDoc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Browser;

/// <summary>Searching the demo province from the app bar, on a desktop and on a phone.</summary>
public sealed class SearchJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_types_without_diacritics_in_the_app_bar_and_opens_a_highlighted_hit()
    {
        var page = await browser.NewPageAsync(width: 1366);
        await browser.SignInAsync(page, "daumoi");
        await page.Locator(".app-search input").FillAsync("dang vien");
        await page.Locator(".app-search input").PressAsync("Enter");
        await page.WaitForURLAsync($"{browser.BaseUrl}/tim-kiem?q=dang+vien");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Tìm kiếm");
        var plans = page.Locator(".search-group").Filter(new() { Has = page.Locator("h2", new() { HasText = "Kế hoạch" }) });
        await Expect(plans.Locator("mark").First).ToHaveTextAsync("Đảng");
        await Expect(page.Locator(".search-kinds a", new() { HasText = "Nhiệm vụ" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "70-tim-kiem");

        await page.Locator(".search-kinds a", new() { HasText = "Nhiệm vụ" }).ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/tim-kiem?q=dang%20vien&loai=Task");
        await Expect(page.Locator(".search-group h2")).ToHaveCountAsync(1);
        await page.Locator(".search-group .hit-title").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/nhiem-vu/\d+$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Nhiệm vụ");
    }

    [Fact]
    public async Task A_unit_officer_on_a_phone_finds_only_their_own_units_report()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(page, "chuyenvien.stp");
        await Expect(page.Locator(".app-search")).ToBeHiddenAsync();
        await page.Locator(".app-search-button").ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/tim-kiem");
        await Expect(page.Locator(".search-hint")).ToContainTextAsync("có dấu hay không dấu");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.Locator(".search-form input[type=search]").FillAsync("QUAN TRIET ket qua");
        await page.Locator(".search-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/tim-kiem?q=QUAN+TRIET+ket+qua");
        var reports = page.Locator(".search-group").Filter(new() { Has = page.Locator("h2", new() { HasText = "Báo cáo" }) });
        await Expect(reports.Locator("li").First).ToBeVisibleAsync();
        foreach (var title in await reports.Locator(".hit-title").AllInnerTextsAsync())
            Assert.EndsWith("Sở Tư pháp", title);
        await BrowserFixture.ScreenshotAsync(page, "71-tim-kiem-dien-thoai");
    }
}
