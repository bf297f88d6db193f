using DonDoc.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Features.Reminders;

/// <summary>The coordinator sets the reminder rules in Chromium, and what the form refuses is said in Vietnamese.</summary>
public sealed class ReminderRulesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_changes_the_ladder_from_the_urging_page()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "daumoi");
        await page.GotoAsync(browser.BaseUrl + "/don-doc", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByRole(AriaRole.Link, new() { Name = "Quy tắc nhắc việc" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quy tắc nhắc việc" })).ToBeVisibleAsync();
        var before = page.GetByLabel("Nhắc trước hạn (số ngày, cách nhau bởi dấu phẩy)");
        await Expect(before).ToHaveValueAsync("7, 3, 1");

        await page.GetByLabel("Báo thủ trưởng đơn vị khi quá hạn (ngày)").FillAsync("20");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu quy tắc" }).ClickAsync();
        await Expect(page.GetByText("Báo đầu mối theo dõi phải sau (hoặc cùng lúc) báo thủ trưởng đơn vị.")).ToBeVisibleAsync();

        await before.FillAsync("10, 5, 1");
        await page.GetByLabel("Báo thủ trưởng đơn vị khi quá hạn (ngày)").FillAsync("7");
        await page.Locator(".mud-radio").Filter(new() { HasText = "Tính theo ngày làm việc" }).ClickAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu quy tắc" }).ClickAsync();
        await Expect(page.GetByText("Đã lưu quy tắc nhắc việc.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "70-quy-tac-nhac-viec");

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(before).ToHaveValueAsync("10, 5, 1");
        await page.Locator("button.user-button").ClickAsync();
        await Expect(page.GetByText("Tài khoản của tôi")).ToBeVisibleAsync();
    }
}
