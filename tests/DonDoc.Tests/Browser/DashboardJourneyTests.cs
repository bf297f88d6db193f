using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Browser;

public sealed class DashboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Empty when the page does not scroll sideways; otherwise the elements that stick out past the screen outside
    /// any scrolling box, so the failure names the culprit.
    /// </summary>
    private static Task<string> SticksOutAsync(IPage page) => page.EvaluateAsync<string>("""
        document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' :
        Array.from(document.querySelectorAll('body *')).filter(e => {
            if (e.getBoundingClientRect().right <= window.innerWidth + 1) return false;
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                if (getComputedStyle(a).overflowX !== 'visible') return false;
            return true;
        }).slice(0, 5).map(e => e.tagName + '.' + e.className).join(' | ') || 'the page itself'
        """);

    [Fact]
    public async Task A_leader_reads_the_province_overview_with_its_charts_and_opens_the_overdue_list_from_it()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "lanhdao");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        await Expect(page.Locator("#kpi-on-time")).ToContainTextAsync("%");
        await Expect(page.Locator(".status-donut svg path").First).ToBeVisibleAsync();
        await Expect(page.Locator(".monthly-trend svg").First).ToBeVisibleAsync();
        await Expect(page.Locator(".unit-bar").First).ToBeVisibleAsync();
        await Expect(page.Locator(".heatmap-table td.cell a").First).ToBeVisibleAsync();
        await Expect(page.Locator(".report-round").First).ToBeVisibleAsync();
        // Shared figures say when they were computed.
        await Expect(page.Locator(".computed-at")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        // The heatmap opens on its first 30 units; the rest come on request.
        var rows = page.Locator(".heatmap-table tbody tr");
        await Expect(rows).ToHaveCountAsync(30);
        await page.Locator(".heatmap-all").ClickAsync();
        // Waits for the re-render after the click: a 31st row.
        await Expect(rows.Nth(30)).ToBeAttachedAsync();
        // No English code names may leak into what a reader sees.
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("InProgress", text);
        Assert.DoesNotContain("Completed", text);
        await BrowserFixture.ScreenshotAsync(page, "60-tong-quan-lanh-dao");

        var overdue = page.Locator(".status-donut a.legend-link[data-status=InProgressOverdue]");
        var shown = await overdue.Locator("b").InnerTextAsync();
        await overdue.ClickAsync();
        await page.WaitForURLAsync("**/nhiem-vu?*status=InProgressOverdue*");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhiệm vụ");
        await Expect(page.GetByText($"/ {shown}", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-table-body .mud-table-row").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "61-tu-tong-quan-den-danh-sach-qua-han");
    }

    [Fact]
    public async Task The_province_overview_fits_a_phone()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(page, "lanhdao");

        await Expect(page.Locator(".status-donut svg path").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "62-tong-quan-lanh-dao-dien-thoai");
        Assert.Equal("", await SticksOutAsync(page));
    }

    [Fact]
    public async Task A_unit_head_sees_the_unit_dashboard_on_a_desktop_and_a_phone()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "thutruong.stp");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        await Expect(page.Locator("h2", new() { HasText = "Tình hình thực hiện nhiệm vụ" })).ToBeVisibleAsync();
        await Expect(page.Locator(".due-soon h3")).ToContainTextAsync("Sắp đến hạn");
        await Expect(page.Locator(".reports-to-submit h3")).ToContainTextAsync("Báo cáo cần gửi");
        await Expect(page.Locator(".reminders h3")).ToContainTextAsync("Nhắc việc đã nhận");
        await Expect(page.Locator(".status-donut")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "63-tong-quan-thu-truong");

        await page.SetViewportSizeAsync(390, 844);
        Assert.Equal("", await SticksOutAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "64-tong-quan-thu-truong-dien-thoai");
    }

    [Fact]
    public async Task The_ranking_page_shows_the_rule_and_switches_to_localities()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "lanhdao");
        await page.Locator(".mud-navmenu").GetByText("Xếp hạng", new() { Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Xếp hạng đơn vị");
        await Expect(page.Locator(".ranking-formula")).ToContainTextAsync("mã định danh");
        await Expect(page.Locator(".ranking-table tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "65-xep-hang");

        await page.Locator(".ranking-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Địa phương (UBND cấp huyện, cấp xã)" }).ClickAsync();
        await Expect(page.Locator(".ranking-table tbody tr").First).ToContainTextAsync("Ủy ban nhân dân");
        Assert.Contains("kind=Localities", await page.Locator(".export-button").GetAttributeAsync("href"));
    }
}
