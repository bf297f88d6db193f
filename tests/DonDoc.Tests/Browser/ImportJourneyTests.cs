using System.Text.RegularExpressions;
using DonDoc.Data;
using DonDoc.Tests.Features.Import;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Browser;

/// <summary>The coordinator imports the seed plan from its file, corrects it and saves it (the demo already holds a copy).</summary>
public sealed partial class ImportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string SeedFile => ImportFixtures.PathOf("ke-hoach-thuc-hien-nq-30-nq-cp.txt");

    [GeneratedRegex(@"/ke-hoach/(\d+)$")]
    private static partial Regex PlanUrlRegex();

    private static async Task UploadSeedAsync(IPage page)
    {
        await page.Locator(".import-upload input[type=file]").SetInputFilesAsync(SeedFile);
        await Expect(page.Locator(".import-summary")).ToContainTextAsync("ke-hoach-thuc-hien-nq-30-nq-cp.txt");
    }

    [Fact]
    public async Task The_coordinator_uploads_the_seed_corrects_a_lead_unit_confirms_the_duplicate_and_sees_the_plan()
    {
        var page = await browser.NewPageAsync(width: 1440);
        await browser.SignInAsync(page, "daumoi");
        await page.Locator(".mud-navmenu").GetByText("Kế hoạch", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kế hoạch");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ văn bản" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhập kế hoạch từ văn bản");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await UploadSeedAsync(page);
        await Expect(page.Locator(".import-duplicate")).ToContainTextAsync("Kế hoạch này có vẻ đã được nhập");
        var justice = page.Locator("[id='nhap-III.4']");
        await Expect(justice.Locator(".node-leads").First).ToContainTextAsync("Sở Tư pháp");
        await Expect(page.Locator("[id='nhap-III.1'] .node-deadline").First).ToContainTextAsync("Trước ngày 05/12 hằng năm");
        await page.Locator("[id='nhap-III.4'] .node-line").First.Locator("button[title='Xem đoạn này trong văn bản gốc']").ClickAsync();
        await Expect(page.Locator(".source-line.marked").First).ToContainTextAsync("Sở Tư pháp");
        await Expect(page.Locator(".source-line.marked").First).ToBeInViewportAsync();
        // The window as the coordinator sees it: a full-page capture would unstick the source column beside the tree.
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "60-nhap-ke-hoach-doc.png") });

        await justice.Locator(".node-edit").First.ClickAsync();
        var editor = justice.Locator(".node-editor").First;
        await editor.Locator(".mud-chip").Filter(new() { HasText = "Sở Tư pháp" }).Locator(".mud-chip-close-button").ClickAsync();
        await editor.GetByLabel("Đơn vị chủ trì", new() { Exact = true }).FillAsync("khoa học");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sở Khoa học và Công nghệ" }).First.ClickAsync();
        await Expect(editor.Locator(".mud-chip").Filter(new() { HasText = "Sở Khoa học và Công nghệ" })).ToBeVisibleAsync();
        await Expect(editor.Locator(".mud-chip").Filter(new() { HasText = "Sở Tư pháp" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "61-nhap-ke-hoach-sua-don-vi");

        await page.Locator(".import-save").ClickAsync();
        await Expect(page.Locator(".import-duplicate")).ToBeVisibleAsync();
        Assert.EndsWith("/ke-hoach/nhap", page.Url);
        await page.Locator(".import-confirm-duplicate").ClickAsync();
        await page.Locator(".import-save").ClickAsync();
        await page.WaitForURLAsync(PlanUrlRegex());
        var planId = int.Parse(PlanUrlRegex().Match(page.Url).Groups[1].Value);

        await Expect(page.Locator("h1")).ToContainTextAsync("Thực hiện Nghị quyết số 30/NQ-CP");
        await Expect(page.GetByText("Dự thảo").First).ToBeVisibleAsync();
        await Expect(page.Locator(".assignment").Filter(new() { HasText = "Sở Khoa học và Công nghệ" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".assignment").Filter(new() { HasText = "Thanh tra tỉnh" }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "62-nhap-ke-hoach-da-luu");

        var leads = await browser.App!.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Assignments
            .Where(a => a.PlanId == planId && a.Node!.Path == "III.4").Select(a => a.LeadUnit!.Name).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Sở Khoa học và Công nghệ"], leads);
    }

    [Fact]
    public async Task The_import_screen_stacks_the_source_above_its_parse_on_a_phone()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(page, "daumoi");
        await page.GotoAsync(browser.BaseUrl + "/ke-hoach/nhap", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await UploadSeedAsync(page);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the import screen scrolls sideways on a 390 px wide phone");
        var source = await page.Locator(".import-source-col").BoundingBoxAsync();
        var result = await page.Locator(".import-result-col").BoundingBoxAsync();
        Assert.True(source!.Y + source.Height <= result!.Y + 1, "on a phone the source sits above its parse");
        await BrowserFixture.ScreenshotAsync(page, "63-nhap-ke-hoach-dien-thoai");
    }

    [Fact]
    public async Task A_long_plan_pasted_as_text_is_read_like_an_uploaded_one()
    {
        // Over 100 KB: far more than one message of the circuit carries by default.
        var text = await File.ReadAllTextAsync(ImportFixtures.PathOf("11-chinhphu-nq03-cp-2025-cthd-nq57.txt"), TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync(width: 1440);
        await browser.SignInAsync(page, "daumoi");
        await page.GotoAsync(browser.BaseUrl + "/ke-hoach/nhap", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await page.Locator(".import-paste textarea").FillAsync(text);
        await page.Locator(".import-read-text").ClickAsync();

        await Expect(page.Locator(".import-summary")).ToContainTextAsync("Đã đọc văn bản");
        await Expect(page.Locator(".import-source-col")).ToContainTextAsync("Số: 03/NQ-CP");
    }
}
