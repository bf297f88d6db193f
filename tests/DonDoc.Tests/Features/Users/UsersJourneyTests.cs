using DonDoc.Features.Users;
using DonDoc.Tests.Browser;
using DonDoc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DonDoc.Tests.Features.Users;

/// <summary>The users and account pages in Chromium: what a person clicks, on a desktop and on a phone.</summary>
public sealed class UsersJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, User User)> SignedInStaffAsync(int width = 1366)
    {
        var page = await browser.NewPageAsync(width);
        var app = browser.App!;
        var user = await app.UserAsync(Roles.Staff, (await app.UnitAsync("Sở Hành trình")).Id);
        await browser.SignInAsync(page, user.UserName!, TestData.Password);
        return (page, user);
    }

    [Fact]
    public async Task An_admin_adds_a_user_after_fixing_what_the_form_refuses()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync(browser.BaseUrl + "/nguoi-dung", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.GetByText("chuyenvien.stp")).ToBeVisibleAsync();

        await page.ClickAsync("text=Thêm người dùng");
        var dialog = page.Locator(".mud-dialog").Filter(new() { HasText = "Thêm người dùng" });
        await dialog.GetByLabel("Tên đăng nhập").FillAsync("chuyenvien.stp");
        await dialog.GetByLabel("Mật khẩu ban đầu").FillAsync("mot-cum-tu-dai-de-nho");
        await dialog.GetByLabel("Họ và tên").FillAsync("Lê Thị Hành Trình");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        // A change to users asks for the admin's own password first (once for the next minutes).
        var confirm = page.Locator(".mud-dialog").Filter(new() { HasText = "Xác nhận mật khẩu" });
        await confirm.GetByLabel("Mật khẩu của bạn").FillAsync("sai-mat-khau-roi");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(confirm.GetByText("Mật khẩu không đúng.")).ToBeVisibleAsync();
        await confirm.GetByLabel("Mật khẩu của bạn").FillAsync(DonDoc.Demo.DemoData.Password);
        await BrowserFixture.ScreenshotAsync(page, "40-nguoi-dung-xac-nhan-mat-khau");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(dialog.GetByText("Tên đăng nhập 'chuyenvien.stp' đã được dùng.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Hãy chọn đơn vị của người dùng.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Tên đăng nhập").FillAsync("hanhtrinh.stp");
        await dialog.GetByLabel("Đơn vị").FillAsync("Tư pháp");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sở Tư pháp" }).First.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Expect(page.GetByText("Đã thêm hanhtrinh.stp.")).ToBeVisibleAsync();
        await page.GetByLabel("Tìm theo tên đăng nhập, họ và tên").FillAsync("hành trình");
        // The search waits for a pause in typing, timed by the app's clock, which stands still in tests; leaving the field searches at once.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr").First).ToContainTextAsync("Sở Tư pháp");
        await BrowserFixture.ScreenshotAsync(page, "40-nguoi-dung-them");
    }

    [Fact]
    public async Task A_person_turns_on_two_step_verification_and_then_signs_in_with_a_code()
    {
        var (page, user) = await SignedInStaffAsync(width: 390);
        await page.GotoAsync(browser.BaseUrl + "/tai-khoan", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await page.ClickAsync("text=Bật xác thực hai bước");
        var key = (await page.Locator(".totp-key code").TextContentAsync())!.Replace(" ", "");
        await page.GetByLabel("Mã xác thực").FillAsync("000000");
        await page.ClickAsync("text=Xác nhận và bật");
        await Expect(page.GetByText("Mã xác thực không đúng")).ToBeVisibleAsync();
        await page.GetByLabel("Mã xác thực").FillAsync(Totp.Code(key));
        await page.ClickAsync("text=Xác nhận và bật");

        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the account page scrolls sideways on a 390 px wide phone");
        await BrowserFixture.ScreenshotAsync(page, "41-tai-khoan-ma-khoi-phuc");
        await page.ReloadAsync();
        await Expect(page.GetByText("Đang bật")).ToBeVisibleAsync();

        var other = await browser.NewPageAsync();
        await browser.SubmitLoginAsync(other, user.UserName!, TestData.Password);
        await other.WaitForURLAsync("**/dang-nhap/xac-thuc**");
        await other.FillAsync("#code", Totp.Code(key, step: 1));
        await other.ClickAsync("button[type=submit]");
        await other.WaitForURLAsync($"{browser.BaseUrl}/tong-quan");
    }

    [Fact]
    public async Task A_person_whose_role_requires_two_steps_sets_them_up_before_anything_else()
    {
        var app = browser.App!;
        var user = await app.UserAsync(Roles.Inspector, (await app.UnitAsync("Thanh tra Hành trình")).Id);
        var page = await browser.NewPageAsync();
        await browser.SubmitLoginAsync(page, user.UserName!, TestData.Password);

        await page.WaitForURLAsync("**/tai-khoan?bat-buoc=**");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "bắt buộc dùng xác thực hai bước" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "41-bat-buoc-xac-thuc-hai-buoc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan?bat-buoc=**");

        await page.ClickAsync("text=Bật xác thực hai bước");
        var key = (await page.Locator(".totp-key code").TextContentAsync())!.Replace(" ", "");
        await page.GetByLabel("Mã xác thực").FillAsync(Totp.Code(key));
        await page.ClickAsync("text=Xác nhận và bật");
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch" }).ClickAsync();

        await page.WaitForURLAsync($"{browser.BaseUrl}/ke-hoach");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kế hoạch", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_new_token_is_shown_once_and_can_be_revoked()
    {
        var (page, _) = await SignedInStaffAsync();
        await page.GotoAsync(browser.BaseUrl + "/tai-khoan", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await page.GetByLabel("Tên token").FillAsync("Đồng bộ số liệu");
        await page.GetByLabel("Số ngày hiệu lực").FillAsync("90");
        await page.ClickAsync("button:has-text('Tạo token')");

        var secret = (await page.Locator(".token-secret code").TextContentAsync())!;
        Assert.StartsWith(PersonalAccessToken.Prefix, secret);
        var row = page.Locator("tr").Filter(new() { HasText = "Đồng bộ số liệu" });
        await Expect(row).ToContainTextAsync("Đang dùng");
        await BrowserFixture.ScreenshotAsync(page, "42-tai-khoan-token");
        await row.GetByRole(AriaRole.Button, new() { Name = "Thu hồi" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Thu hồi" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đã thu hồi");
        await page.ReloadAsync();
        await Expect(page.Locator(".token-secret")).ToHaveCountAsync(0);
    }
}
