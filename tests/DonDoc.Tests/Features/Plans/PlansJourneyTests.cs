using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Plans.Rules;
using DonDoc.Tests.Browser;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Two_people_edit_the_same_task_and_the_second_is_told_what_the_first_changed_without_losing_what_they_typed()
    {
        var app = browser.App!;
        var units = await app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Units
            .Where(u => u.Code == DemoUnits.SoTuPhap || u.Code == DemoUnits.UbndTinh)
            .ToDictionaryAsync(u => u.Code, u => u.Id, TestContext.Current.CancellationToken));
        var planId = await app.PlanAsync(units[DemoUnits.UbndTinh], $"{TestData.UniqueCode()}/KH-UBND");
        await app.OneOffAsync(planId, "Rà soát thủ tục hành chính thuộc thẩm quyền của tỉnh.", new DateOnly(2026, 12, 5), units[DemoUnits.SoTuPhap]);
        var first = await browser.NewPageAsync();
        await browser.SignInAsync(first, "daumoi");
        var second = await browser.NewPageAsync();
        await browser.SignInAsync(second, "admin");
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"{browser.BaseUrl}/ke-hoach/{planId}", new() { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator(".plan-actions button[title='Sửa mục']").ClickAsync();
            await Expect(page.Locator(".mud-dialog").GetByLabel("Nội dung")).ToHaveValueAsync("Rà soát thủ tục hành chính thuộc thẩm quyền của tỉnh.");
        }

        var mine = first.Locator(".mud-dialog");
        await mine.GetByLabel("Nội dung").FillAsync("Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của tỉnh.");
        await mine.GetByLabel("Hạn hoàn thành").FillAsync("10/12/2026");
        await mine.GetByLabel("Hạn hoàn thành").PressAsync("Tab");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(first.GetByText("Thời hạn: Hạn 10/12/2026")).ToBeVisibleAsync();
        var theirs = second.Locator(".mud-dialog");
        const string typed = "Rà soát thủ tục hành chính, công bố kết quả trên Cổng thông tin điện tử tỉnh.";
        await theirs.GetByLabel("Nội dung").FillAsync(typed);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        var refusal = theirs.Locator(".mud-alert");
        await Expect(refusal).ToContainTextAsync("Nhiệm vụ đã được Trần Thị Hương sửa lúc 09:00 ngày 27/11/2026 sau khi bạn mở:");
        await Expect(refusal).ToContainTextAsync("• Nội dung: «Rà soát thủ tục hành chính thuộc thẩm quyền của tỉnh.» → «Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của tỉnh.»");
        await Expect(refusal).ToContainTextAsync("• Hạn hoàn thành: 05/12/2026 → 10/12/2026");
        await Expect(theirs.GetByLabel("Nội dung")).ToHaveValueAsync(typed);
        await BrowserFixture.ScreenshotAsync(second, "51-nhiem-vu-sua-cung-luc");
    }
}
