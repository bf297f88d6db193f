using DonDoc.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Calendar;

/// <summary>The holiday calendar in Chromium: the admin enters the year's swapped days, on a desktop and on a phone.</summary>
public sealed class CalendarJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_adds_a_day_off_and_a_working_Saturday_after_fixing_what_the_form_refuses()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync(browser.BaseUrl + "/don-doc/lich-nghi?nam=2026", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Nghỉ bù Giỗ Tổ Hùng Vương" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Hãy chọn ngày.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Hãy nhập tên ngày")).ToBeVisibleAsync();

        await AddAsync(page, "13/02/2026", "Nghỉ hoán đổi trước Tết", workingDay: false);
        await Expect(page.GetByText("Đã thêm ngày 13/02/2026 vào lịch.")).ToBeVisibleAsync();
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Nghỉ hoán đổi trước Tết" });
        await Expect(row).ToContainTextAsync("13/02/2026");
        await Expect(row).ToContainTextAsync("Quản trị viên thêm");

        await AddAsync(page, "28/02/2026", "Làm bù cho ngày 13/02", workingDay: true);
        await Expect(page.GetByText("28/02/2026 (Thứ Bảy) · Làm bù cho ngày 13/02")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "60-lich-nghi");

        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the calendar page scrolls sideways on a 390 px wide phone");
        await BrowserFixture.ScreenshotAsync(page, "61-lich-nghi-dien-thoai");

        await page.GetByRole(AriaRole.Button, new() { Name = "Xoá ngày làm bù 28/02/2026" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Xoá" }).ClickAsync();
        await Expect(page.GetByText("Năm 2026 không có ngày làm việc vào thứ Bảy, Chủ nhật hay ngày lễ.")).ToBeVisibleAsync();
    }

    private static async Task AddAsync(IPage page, string date, string name, bool workingDay)
    {
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync(date);
        await page.Keyboard.PressAsync("Tab");
        await page.GetByLabel("Tên, lý do").FillAsync(name);
        await page.Locator(".mud-radio").Filter(new() { HasText = workingDay ? "Ngày làm bù" : "Ngày nghỉ" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
    }
}
