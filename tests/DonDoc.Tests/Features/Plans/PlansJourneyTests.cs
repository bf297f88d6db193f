using DonDoc.Tests.Browser;
using DonDoc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Features.Plans;

/// <summary>The plan pages in Chromium: the coordinator writes a plan by hand, section by section.</summary>
public sealed class PlansJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_writes_a_plan_with_a_section_and_a_task_for_a_department()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "daumoi");
        await page.GotoAsync(browser.BaseUrl + "/ke-hoach", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var symbol = $"{TestData.UniqueCode()}/KH-UBND";

        await page.GetByRole(AriaRole.Button, new() { Name = "Lập kế hoạch" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.GetByLabel("Đơn vị ban hành")).ToHaveValueAsync("Ủy ban nhân dân tỉnh Nghệ An (000.00.00.H41)");
        await dialog.GetByLabel("Số, ký hiệu").FillAsync(symbol);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(dialog.GetByText("Trích yếu (tên) kế hoạch không được để trống.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Trích yếu").FillAsync("Kế hoạch thử nghiệm cải cách hành chính năm 2026");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/ke-hoach/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kế hoạch thử nghiệm cải cách hành chính năm 2026");
        await Expect(page.GetByText("Kế hoạch chưa có mục nào.", new() { Exact = false })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm mục", Exact = true }).ClickAsync();
        await Expect(dialog.GetByLabel("Số thứ tự")).ToHaveValueAsync("I");
        await dialog.GetByLabel("Tiêu đề (nếu có)").FillAsync("NHIỆM VỤ CỤ THỂ");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.Locator(".plan-label")).ToHaveTextAsync(["I."]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm mục con của I", Exact = true }).ClickAsync();
        await Expect(dialog.GetByLabel("Số thứ tự")).ToHaveValueAsync("1");
        await dialog.GetByLabel("Nội dung").FillAsync("Rà soát thủ tục hành chính thuộc thẩm quyền của tỉnh.");
        await dialog.GetByText("Là nhiệm vụ").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(dialog.GetByText("Nhiệm vụ có thời hạn cần ngày hết hạn.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Nhiệm vụ cần ít nhất một đơn vị chủ trì.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Hạn hoàn thành").FillAsync("31/12/2026");
        await dialog.GetByLabel("Hạn hoàn thành").PressAsync("Tab");
        await dialog.GetByLabel("Đơn vị chủ trì", new() { Exact = true }).FillAsync("tư pháp");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sở Tư pháp" }).First.ClickAsync();
        await Expect(dialog.Locator(".mud-chip").Filter(new() { HasText = "Sở Tư pháp" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Expect(page.Locator(".plan-label")).ToHaveTextAsync(["I.", "1."]);
        var assignment = page.Locator(".assignment");
        await Expect(assignment).ToContainTextAsync("Sở Tư pháp");
        await Expect(assignment).ToContainTextAsync("Trong hạn");
        await Expect(assignment).ToContainTextAsync("Hạn 31/12/2026");
        await Expect(page.GetByText("Thời hạn: Hạn 31/12/2026")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "50-ke-hoach-lap");
    }
}
