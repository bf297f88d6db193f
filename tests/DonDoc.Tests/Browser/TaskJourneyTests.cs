using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Plans.Rules;
using DonDoc.Tests.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Browser;

public sealed class TaskJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A task of Sở Tư pháp (chuyenvien.stp's unit) due 20/12/2026; the fixture's clock stands at 27/11/2026.</summary>
    private async Task<int> TaskOfSoTuPhapAsync()
    {
        var app = browser.App!;
        var units = await app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Units
            .Where(u => u.Code == DemoUnits.SoTuPhap || u.Code == DemoUnits.UbndTinh)
            .ToDictionaryAsync(u => u.Code, u => u.Id, TestContext.Current.CancellationToken));
        var plan = await app.PlanAsync(units[DemoUnits.UbndTinh], "45/KH-UBND");
        var occurrence = await app.OneOffAsync(plan, "Rà soát văn bản quy phạm pháp luật về đất đai, đề xuất sửa đổi, bổ sung.",
            new DateOnly(2026, 12, 20), units[DemoUnits.SoTuPhap]);
        return occurrence.Id;
    }

    [Fact]
    public async Task A_unit_officer_reports_progress_with_a_file_and_completion_and_the_coordinator_accepts_it()
    {
        var page = await browser.NewPageAsync();
        var occurrenceId = await TaskOfSoTuPhapAsync();
        await browser.SignInAsync(page, "chuyenvien.stp");

        await page.Locator(".mud-navmenu").GetByText("Nhiệm vụ", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Việc của đơn vị tôi" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Việc của đơn vị tôi");
        var row = page.Locator("tr.task-row", new() { Has = page.Locator($"a[href='/nhiem-vu/{occurrenceId}']") });
        await Expect(row).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "40-viec-cua-don-vi-toi");

        await row.Locator(".task-path").ClickAsync();
        await page.WaitForURLAsync($"**/nhiem-vu/{occurrenceId}");
        var submit = page.Locator(".progress-submit");
        await Expect(submit).ToBeEnabledAsync();
        await Expect(page.Locator(".current-status")).ToContainTextAsync("Chưa hoàn thành, trong hạn");
        await BrowserFixture.ScreenshotAsync(page, "41-chi-tiet-nhiem-vu");

        var pdf = Path.Combine(Directory.CreateTempSubdirectory("dondoc-pdf-").FullName, "bao-cao-tien-do.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n% báo cáo tiến độ rà soát\n"u8.ToArray(), TestContext.Current.CancellationToken);
        await page.Locator(".progress-text textarea").FillAsync("Đã rà soát 45 văn bản, đang tổng hợp kết quả.");
        await page.Locator(".progress-percent input").FillAsync("60");
        await page.Locator(".progress-files input[type=file]").SetInputFilesAsync(pdf);
        await Expect(page.Locator(".chosen-files")).ToContainTextAsync("bao-cao-tien-do.pdf");
        await submit.ClickAsync();
        var fileLink = page.Locator(".history-files a", new() { HasText = "bao-cao-tien-do.pdf" });
        await Expect(fileLink).ToBeVisibleAsync();
        Assert.StartsWith("/api/v1/files/", await fileLink.GetAttributeAsync("href"));
        await BrowserFixture.ScreenshotAsync(page, "42-cap-nhat-co-tep");

        await page.Locator(".progress-text textarea").FillAsync("Đã ban hành báo cáo kết quả rà soát.");
        await page.Locator(".progress-evidence-number input").FillAsync("125/BC-STP");
        await page.Locator(".progress-evidence-date input").FillAsync("26/11/2026");
        await page.Locator(".progress-evidence-date input").PressAsync("Tab");
        await page.Locator(".progress-complete input").CheckAsync();
        await Expect(submit).ToHaveTextAsync("Gửi báo hoàn thành", new() { IgnoreCase = true });
        await submit.ClickAsync();
        await Expect(page.Locator(".current-status")).ToContainTextAsync("Chờ tiếp nhận");
        await Expect(page.Locator(".history-item.completion")).ToContainTextAsync("Văn bản 125/BC-STP ngày 26/11/2026");
        await BrowserFixture.ScreenshotAsync(page, "43-bao-hoan-thanh");

        var coordinator = await browser.NewPageAsync();
        await browser.SignInAsync(coordinator, "daumoi");
        await coordinator.GotoAsync($"{browser.BaseUrl}/nhiem-vu/{occurrenceId}");
        var accept = coordinator.Locator(".accept-completion");
        await Expect(accept).ToBeEnabledAsync();
        await Expect(coordinator.Locator(".pending-completion")).ToContainTextAsync("báo hoàn thành ngày 27/11/2026");
        await BrowserFixture.ScreenshotAsync(coordinator, "44-dau-moi-xem-ket-qua");
        await accept.ClickAsync();

        await Expect(coordinator.Locator(".current-status")).ToContainTextAsync("Hoàn thành đúng hạn");
        await Expect(coordinator.Locator(".history-item.completion .review-accepted")).ToContainTextAsync("Đã tiếp nhận: Trần Thị Hương");
        await Expect(coordinator.Locator(".pending-completion")).ToHaveCountAsync(0);
        await coordinator.WaitForTimeoutAsync(500); // the chip's colour fades from blue to green
        await BrowserFixture.ScreenshotAsync(coordinator, "45-hoan-thanh-dung-han");
    }

    [Fact]
    public async Task The_task_pages_fit_a_phone()
    {
        var occurrenceId = await TaskOfSoTuPhapAsync();
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(page, "chuyenvien.stp");

        (string Path, string Heading, string Screenshot)[] pages =
        [
            ("/nhiem-vu/cua-toi", "Việc của đơn vị tôi", "46-dien-thoai-viec-cua-toi"),
            ($"/nhiem-vu?status={AssignmentStatusCode.InProgressOnTime}", "Nhiệm vụ", "47-dien-thoai-danh-sach"),
            ($"/nhiem-vu/{occurrenceId}", "Nhiệm vụ", "48-dien-thoai-chi-tiet"),
        ];
        foreach (var (path, heading, screenshot) in pages)
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await Expect(page.Locator("h1")).ToContainTextAsync(heading);
            await Expect(page.Locator(".task-row, .progress-submit:not([disabled])").First).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways on a 390 px wide phone");
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        }
    }
}
