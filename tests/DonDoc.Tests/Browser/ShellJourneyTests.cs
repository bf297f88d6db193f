using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Browser;

public sealed class ShellJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly (string Label, string Path, string Heading)[] Modules =
    [
        ("Tổng quan", "/tong-quan", "Tổng quan"),
        ("Kế hoạch", "/ke-hoach", "Kế hoạch"),
        ("Nhiệm vụ", "/nhiem-vu", "Nhiệm vụ"),
        ("Báo cáo", "/bao-cao", "Báo cáo"),
        ("Đôn đốc", "/don-doc", "Đôn đốc"),
        ("Đơn vị", "/don-vi", "Đơn vị"),
        ("Người dùng", "/nguoi-dung", "Người dùng"),
        ("Nhật ký", "/nhat-ky", "Nhật ký thay đổi"),
    ];

    [Fact]
    public async Task The_public_landing_and_login_pages_render_in_Vietnamese()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Theo dõi, đôn đốc thực hiện kế hoạch của UBND tỉnh");
        await BrowserFixture.ScreenshotAsync(page, "00-trang-chu");
        await page.ClickAsync("text=Đăng nhập");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await BrowserFixture.ScreenshotAsync(page, "01-dang-nhap");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/dang-nhap");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "khong-phai-mat-khau");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator(".form-error")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task The_admin_sees_every_module_in_the_menu_and_each_page_opens()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");

        var nav = page.Locator("nav, .mud-navmenu").First;
        foreach (var (label, _, _) in Modules)
            await Expect(nav.GetByText(label, new() { Exact = true })).ToBeVisibleAsync();
        for (var i = 0; i < Modules.Length; i++)
        {
            var (label, path, heading) = Modules[i];
            await nav.GetByText(label, new() { Exact = true }).ClickAsync();
            await page.WaitForURLAsync($"**{path}*");
            await Expect(page.Locator("h1")).ToContainTextAsync(heading);
            // Lists load after the page appears; the screenshot should show the rows, not the spinner.
            if (path is "/don-vi" or "/nguoi-dung" or "/nhat-ky")
                await Expect(page.Locator(".mud-table-body .mud-table-row").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, $"{i + 2:00}-{path.Trim('/')}");
        }
    }

    [Fact]
    public async Task A_unit_officer_sees_no_admin_modules_and_is_refused_them_by_the_server()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "chuyenvien.stp");

        var nav = page.Locator(".mud-navmenu").First;
        await Expect(nav.GetByText("Đơn vị", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByText("Người dùng", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(nav.GetByText("Nhật ký", new() { Exact = true })).ToHaveCountAsync(0);
        var response = await page.GotoAsync(browser.BaseUrl + "/nhat-ky");
        Assert.Contains("/khong-co-quyen", page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");
        await BrowserFixture.ScreenshotAsync(page, "20-khong-co-quyen");
        Assert.NotNull(response);
    }

    [Fact]
    public async Task The_back_office_fits_a_phone()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(page, "admin");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the overview scrolls sideways on a 390 px wide phone");
        await BrowserFixture.ScreenshotAsync(page, "30-dien-thoai-tong-quan");
    }
}
