using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Browser;

public sealed class ReportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(string TemplateName, int PeriodId, int ReportId, int ResultsSectionId);

    /// <summary>
    /// A yearly report of its own that Sở Tư pháp (chuyenvien.stp, thutruong.stp) and Sở Tài chính owe to Sở Nội vụ
    /// (daumoi), opened for 2026: due 05/12/2026, and the fixture's clock stands at 27/11/2026.
    /// </summary>
    private async Task<Setup> SetUpAsync()
    {
        var name = "Báo cáo chuyển đổi số " + Infrastructure.TestData.UniqueCode();
        return await browser.App!.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var units = await db.Units.Where(u => u.Code == DemoUnits.SoTuPhap || u.Code == DemoUnits.SoTaiChinh || u.Code == DemoUnits.SoNoiVu)
                .ToDictionaryAsync(u => u.Code, u => u.Id, Ct);
            var template = await sp.GetRequiredService<SaveTemplate>().CreateAsync(new TemplateInput(name, ReportKind.Periodic, ReportFrequency.Yearly, 5, 12,
                units[DemoUnits.SoNoiVu], [units[DemoUnits.SoTuPhap], units[DemoUnits.SoTaiChinh]],
                [new SectionInput("Kết quả thực hiện", "Nêu các việc đã làm, kèm số và ngày văn bản."), new SectionInput("Tồn tại, hạn chế")],
                [
                    new IndicatorInput("DVC", "Số dịch vụ công trực tuyến toàn trình", "dịch vụ", IndicatorType.Integer, Aggregation.Sum, 0, 500, Required: true),
                    new IndicatorInput("SOHOA", "Tỷ lệ hồ sơ được số hóa", "%", IndicatorType.Decimal, Aggregation.Average, 0, 100),
                ]), Ct);
            Assert.True(template.Ok, template.Message);
            var period = await sp.GetRequiredService<OpenPeriod>().OpenAsync(template.Value!.Id, 2026, ct: Ct);
            Assert.True(period.Ok, period.Message);
            var report = await db.UnitReports.Where(r => r.PeriodId == period.Value!.Id && r.UnitId == units[DemoUnits.SoTuPhap]).Select(r => r.Id).SingleAsync(Ct);
            return new Setup(name, period.Value!.Id, report, template.Value.Sections.OrderBy(s => s.SortOrder).First().Id);
        });
    }

    private async Task<IPage> SignedInAsync(string user, int width = 1366)
    {
        var page = await browser.NewPageAsync(width);
        await browser.SignInAsync(page, user);
        return page;
    }

    private async Task OpenReportAsync(IPage page, Setup s)
    {
        await page.GotoAsync($"{browser.BaseUrl}/bao-cao/{s.ReportId}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Báo cáo của Sở Tư pháp");
    }

    /// <summary>
    /// The report's editors are live: the circuit is connected and the section editors hold their text. Typing
    /// before then could reach a field whose handlers are being replaced by its first renders.
    /// </summary>
    private static async Task EditorsReadyAsync(IPage page)
    {
        await Expect(page.Locator(".save-report")).ToBeEnabledAsync();
        await Expect(page.Locator(".rich-text:not([contenteditable='true'])")).ToHaveCountAsync(0);
    }

    /// <summary>Types a figure key by key, as a person does: the field reads it as it is typed.</summary>
    private static async Task FigureAsync(IPage page, string code, string figure)
    {
        var input = page.Locator($".indicator[data-indicator='{code}'] .indicator-value input");
        await input.ClearAsync();
        await input.PressSequentiallyAsync(figure, new() { Delay = 50 });
        await input.PressAsync("Tab");
    }

    private static async Task WriteAndSendAsync(IPage page, Setup s, string text, string figure, string button)
    {
        await EditorsReadyAsync(page);
        var submit = page.Locator(".submit-report");
        await Expect(submit).ToHaveTextAsync(button, new() { IgnoreCase = true });
        await page.Locator($".report-section[data-section='{s.ResultsSectionId}'] .rich-text").FillAsync(text);
        await FigureAsync(page, "DVC", figure);
        await submit.ClickAsync();
    }

    private static async Task SignAsync(IPage head)
    {
        await EditorsReadyAsync(head);
        var sign = head.Locator(".submit-report");
        await Expect(sign).ToHaveTextAsync("Ký gửi báo cáo", new() { IgnoreCase = true });
        await sign.ClickAsync();
        await Expect(head.Locator(".report-state")).ToHaveTextAsync("Đã gửi");
    }

    [Fact]
    public async Task An_officer_writes_the_head_signs_the_coordinator_returns_then_accepts_and_downloads_the_province_report()
    {
        var s = await SetUpAsync();
        var officer = await SignedInAsync("chuyenvien.stp");
        await officer.Locator(".mud-navmenu").GetByText("Báo cáo", new() { Exact = true }).ClickAsync();
        var row = officer.Locator("tr", new() { Has = officer.GetByText(s.TemplateName) });
        await Expect(row.Locator(".my-report")).ToContainTextAsync("Dự thảo");
        await row.Locator(".open-report").ClickAsync();
        await officer.WaitForURLAsync($"**/bao-cao/{s.ReportId}");

        var dvc = officer.Locator(".indicator[data-indicator='DVC']");
        await EditorsReadyAsync(officer);
        await FigureAsync(officer, "DVC", "900");
        await Expect(dvc).ToContainTextAsync("phải trong khoảng 0–500");
        await dvc.Locator(".indicator-estimate input").CheckAsync();
        await officer.Locator(".report-file-upload input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "phu-luc-dich-vu-cong.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        });
        await Expect(officer.Locator(".attached-files")).ToContainTextAsync("phu-luc-dich-vu-cong.pdf");
        // Attaching a file leaves what was typed alone.
        await Expect(dvc.Locator(".indicator-estimate input")).ToBeCheckedAsync();
        await WriteAndSendAsync(officer, s, "Sở đã đưa 12 dịch vụ công trực tuyến toàn trình vào vận hành.", "12", "Trình thủ trưởng");
        await Expect(officer.Locator(".report-state")).ToHaveTextAsync("Chờ thủ trưởng duyệt");
        await Expect(officer.Locator(".submit-report")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(officer, "60-bao-cao-trinh-thu-truong");

        var head = await SignedInAsync("thutruong.stp");
        await OpenReportAsync(head, s);
        await Expect(head.Locator($".report-section[data-section='{s.ResultsSectionId}'] .rich-text")).ToContainTextAsync("12 dịch vụ công");
        await SignAsync(head);
        await Expect(head.Locator(".submission")).ToContainTextAsync("Hoàng Minh Đức ký gửi");

        var coordinator = await SignedInAsync("daumoi");
        await coordinator.GotoAsync($"{browser.BaseUrl}/bao-cao/ky/{s.PeriodId}");
        var unitRow = coordinator.Locator("tr", new() { Has = coordinator.Locator(".unit-report-link", new() { HasText = "Sở Tư pháp" }) });
        await Expect(unitRow.Locator(".status-cell")).ToContainTextAsync("Đã nộp đúng hạn");
        await Expect(unitRow).ToContainTextAsync("Hoàng Minh Đức");
        await unitRow.Locator(".return-report").ClickAsync();
        await unitRow.Locator(".confirm-return").ClickAsync();
        await Expect(unitRow).ToContainTextAsync("Cần ghi lý do trả lại");
        await unitRow.Locator(".return-reason textarea").First.FillAsync("Đề nghị nêu rõ số hồ sơ đã số hóa.");
        await unitRow.Locator(".confirm-return").ClickAsync();
        await Expect(unitRow.Locator(".status-cell")).ToContainTextAsync("Bị trả lại");
        await Expect(unitRow).ToContainTextAsync("Đề nghị nêu rõ số hồ sơ đã số hóa.");
        await BrowserFixture.ScreenshotAsync(coordinator, "61-tinh-hinh-nop-tra-lai");

        await OpenReportAsync(officer, s);
        await Expect(officer.Locator(".return-reason-shown")).ToContainTextAsync("Đề nghị nêu rõ số hồ sơ đã số hóa.");
        await WriteAndSendAsync(officer, s, "Sở đã đưa 15 dịch vụ công trực tuyến toàn trình vào vận hành và số hóa 2.400 hồ sơ.", "15", "Trình thủ trưởng");
        await Expect(officer.Locator(".report-state")).ToHaveTextAsync("Chờ thủ trưởng duyệt");
        await OpenReportAsync(head, s);
        await SignAsync(head);

        await OpenReportAsync(coordinator, s);
        await Expect(coordinator.Locator(".submission")).ToHaveCountAsync(2);
        // The page arrives as plain HTML first; a click before its circuit connects is lost.
        await Expect(coordinator.Locator(".accept-report")).ToBeEnabledAsync();
        await coordinator.Locator(".submission").First.Locator(".show-diff").ClickAsync();
        await Expect(coordinator.Locator(".diff-removed").First).ToContainTextAsync("12");
        await Expect(coordinator.Locator(".diff-added").First).ToContainTextAsync("15");
        await BrowserFixture.ScreenshotAsync(coordinator, "62-bao-cao-thay-doi");
        await coordinator.Locator(".accept-report").ClickAsync();
        await Expect(coordinator.Locator(".report-state")).ToHaveTextAsync("Đã tiếp nhận");

        await coordinator.GotoAsync($"{browser.BaseUrl}/bao-cao/ky/{s.PeriodId}");
        await coordinator.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await coordinator.GetByRole(AriaRole.Tab, new() { Name = "Tổng hợp" }).ClickAsync();
        await Expect(coordinator.Locator(".missing-units")).ToContainTextAsync("Còn 1 đơn vị chưa gửi: Sở Tài chính");
        await Expect(coordinator.Locator(".indicator-total[data-indicator='DVC']")).ToHaveTextAsync("15");
        await Expect(coordinator.Locator(".estimate-mark")).ToHaveCountAsync(1);
        var section = coordinator.Locator($".consolidation-section[data-section='{s.ResultsSectionId}']");
        await section.Locator(".copy-contribution").ClickAsync();
        var editor = section.Locator(".consolidated-editor");
        await Expect(editor.Locator("[data-source-unit='Sở Tư pháp']")).ToContainTextAsync("số hóa 2.400 hồ sơ");
        await coordinator.Locator(".report-symbol input").FillAsync("125/BC-UBND");
        await coordinator.Locator(".save-consolidation").ClickAsync();
        await Expect(coordinator.GetByText("Đã lưu bản tổng hợp.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(coordinator, "63-tong-hop-bao-cao");

        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.Locator(".consolidated-docx").ClickAsync());
        var path = Path.Combine(Directory.CreateTempSubdirectory("dondoc-docx-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.EndsWith(".docx", download.SuggestedFilename);
        using var docx = new Docx(await File.ReadAllBytesAsync(path, Ct));
        var text = docx.Body.InnerText;
        Assert.Contains("125/BC-UBND", text);
        Assert.Contains("Sở đã đưa 15 dịch vụ công trực tuyến toàn trình vào vận hành và số hóa 2.400 hồ sơ.", text);
    }

    [Fact]
    public async Task Two_people_write_the_same_report_and_the_second_is_told_what_the_first_changed_without_losing_their_text()
    {
        var s = await SetUpAsync();
        var officer = await SignedInAsync("chuyenvien.stp");
        var head = await SignedInAsync("thutruong.stp");
        await OpenReportAsync(officer, s);
        await OpenReportAsync(head, s);
        await EditorsReadyAsync(officer);
        await EditorsReadyAsync(head);
        var results = $".report-section[data-section='{s.ResultsSectionId}'] .rich-text";

        await officer.Locator(results).FillAsync("Sở đã đưa 12 dịch vụ công trực tuyến toàn trình vào vận hành.");
        await FigureAsync(officer, "DVC", "12");
        await officer.Locator(".save-report").ClickAsync();
        await Expect(officer.GetByText("Đã lưu báo cáo.")).ToBeVisibleAsync();
        const string typed = "Sở đã rà soát toàn bộ dịch vụ công trực tuyến của Sở và đề xuất cắt giảm 3 thủ tục.";
        await head.Locator(results).FillAsync(typed);
        await head.Locator(".save-report").ClickAsync();

        var refusal = head.Locator(".report-error");
        await Expect(refusal).ToContainTextAsync("Báo cáo đã được Phạm Thị Lan sửa lúc 09:00 ngày 27/11/2026 sau khi bạn mở:");
        await Expect(refusal).ToContainTextAsync("• Mục «Kết quả thực hiện»: (trống) → «Sở đã đưa 12 dịch vụ công trực tuyến toàn trình vào vận hành.»");
        await Expect(refusal).ToContainTextAsync("• Chỉ tiêu «Số dịch vụ công trực tuyến toàn trình»: (trống) → 12");
        // The page sends every section; the one nobody wrote in is no change to report.
        await Expect(refusal).Not.ToContainTextAsync("Tồn tại, hạn chế");
        await Expect(head.Locator(results)).ToHaveTextAsync(typed);
        await BrowserFixture.ScreenshotAsync(head, "64-bao-cao-sua-cung-luc");
    }

    [Fact]
    public async Task The_report_pages_fit_a_phone()
    {
        var s = await SetUpAsync();
        var page = await SignedInAsync("chuyenvien.stp", width: 390);
        (string Path, string Ready, string Screenshot)[] pages =
        [
            ("/bao-cao", ".open-report", "64-dien-thoai-bao-cao"),
            ($"/bao-cao/{s.ReportId}", ".save-report:not([disabled])", "65-dien-thoai-soan-bao-cao"),
            ($"/bao-cao/ky/{s.PeriodId}", ".unit-report-link", "66-dien-thoai-tinh-hinh-nop"),
        ];
        foreach (var (path, ready, screenshot) in pages)
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways on a 390 px wide phone");
            await BrowserFixture.ScreenshotAsync(page, screenshot);
        }
    }
}
