using DonDoc.Tests.Browser;
using DonDoc.Tests.Documents;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Features.Urging;

/// <summary>The Đôn đốc page in Chromium on the demo data: the coordinator urges two late units and finds the letter in the history.</summary>
public sealed class UrgingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_ticks_two_overdue_units_downloads_the_letter_and_finds_it_in_the_history()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "daumoi");
        await page.GotoAsync(browser.BaseUrl + "/don-doc", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var groups = page.Locator(".unit-group");
        await Expect(groups.First).ToBeVisibleAsync();
        var names = (await page.Locator(".unit-name").AllTextContentsAsync()).Take(2).ToList();
        Assert.Equal(2, names.Count);

        await groups.First.Locator(".unit-toggle").ClickAsync();
        await Expect(groups.First.Locator(".unit-items a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/nhiem-vu/\d+$"));
        await BrowserFixture.ScreenshotAsync(page, "60-don-doc-qua-han");
        foreach (var i in new[] { 0, 1 })
            await groups.Nth(i).Locator(".unit-select input").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Soạn văn bản đôn đốc (2 đơn vị)" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync(names[1]);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lập văn bản" }).ClickAsync();
        await Expect(dialog.Locator(".urge-done")).ToContainTextAsync("Đã lập văn bản đôn đốc ngày");
        var download = await page.RunAndWaitForDownloadAsync(() => dialog.Locator(".urge-download").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, "..", download.SuggestedFilename);
        await download.SaveAsAsync(file);
        using (var docx = new Docx(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)))
            docx.Paragraph($"Kính gửi:\t- {names[0]};");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Đóng" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Lịch sử đôn đốc" }).ClickAsync();
        var row = page.Locator(".history-letters tbody tr").First;
        await Expect(row).ToContainTextAsync(names[0]);
        await Expect(row).ToContainTextAsync("V/v đôn đốc thực hiện");
        await Expect(page.Locator(".urged-counts")).ToContainTextAsync(names[1]);
        await BrowserFixture.ScreenshotAsync(page, "61-don-doc-lich-su");

        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "daumoi");
        await phone.GotoAsync(browser.BaseUrl + "/don-doc", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(phone.Locator(".unit-group").First).ToContainTextAsync("đã đôn đốc 1 lần");
        await BrowserFixture.ScreenshotAsync(phone, "62-don-doc-dien-thoai");
    }
}
