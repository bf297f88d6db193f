using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Users;

public sealed class UserApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewUserName() => "nd." + TestData.UniqueCode().ToLowerInvariant();

    private static object NewUser(string userName, int? unitId, string? role = Roles.UnitOfficer, string password = TestData.Password) =>
        new { userName, password, fullName = "Nguyễn Thị Thử", position = "Chuyên viên", email = $"{userName}@vi.du", unitId, role };

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Admin_creates_reads_edits_and_finds_a_user(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var parent = await app.UnitAsync("Sở Cha");
        var child = await app.UnitAsync("Phòng Con", parentId: parent.Id);
        var userName = NewUserName();

        var created = await admin.PostAsJsonAsync("/api/v1/users", NewUser(userName, parent.Id), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = (await created.Content.ReadFromJsonAsync<UserDto>(Ct))!;
        Assert.Equal(("Nguyễn Thị Thử", "Sở Cha", "Hoạt động"), (user.FullName, user.UnitName, user.StatusLabel));
        Assert.Equal([Roles.UnitOfficer], user.Roles);

        var put = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}",
            new { fullName = "Nguyễn Thị Đã Sửa", position = "Trưởng phòng", email = "", unitId = child.Id, role = "unithead" }, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = (await admin.GetFromJsonAsync<UserDto>($"/api/v1/users/{user.Id}", Ct))!;
        Assert.Equal(("Nguyễn Thị Đã Sửa", "Trưởng phòng", null, child.Id, Roles.UnitHead),
            (read.FullName, read.Position, read.Email, read.UnitId, read.Role));
        var underParent = await admin.GetFromJsonAsync<List<UserDto>>($"/api/v1/users?unitId={parent.Id}&role={Roles.UnitHead}", Ct);
        Assert.Equal([user.Id], underParent!.Select(u => u.Id));
        var byName = await admin.GetFromJsonAsync<List<UserDto>>("/api/v1/users?q=SỬA", Ct);
        Assert.Contains(byName!, u => u.Id == user.Id);
        Assert.Empty((await admin.GetFromJsonAsync<List<UserDto>>($"/api/v1/users?q={userName}&role={Roles.Staff}", Ct))!);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Bad_input_is_refused_in_Vietnamese_and_creates_nothing(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, existing, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var closed = await app.UnitAsync("Sở Đã Giải Thể", validTo: new DateOnly(2020, 1, 1));

        async Task<string> Refused(object body)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            return text;
        }

        Assert.Contains($"Tên đăng nhập '{existing.UserName}' đã được dùng.", await Refused(NewUser(existing.UserName!, unit.Id)));
        Assert.Contains("quá phổ biến", await Refused(NewUser(NewUserName(), unit.Id, password: "1234567890")));
        Assert.Contains("Mật khẩu phải dài ít nhất 10 ký tự.", await Refused(NewUser(NewUserName(), unit.Id, password: "ngan-qua")));
        Assert.Contains("Hãy chọn đơn vị của người dùng.", await Refused(NewUser(NewUserName(), null)));
        Assert.Contains("Không tìm thấy đơn vị đã chọn.", await Refused(NewUser(NewUserName(), int.MaxValue)));
        Assert.Contains("đã hết hiệu lực", await Refused(NewUser(NewUserName(), closed.Id)));
        Assert.Contains("Vai trò 'SuperUser' không hợp lệ.", await Refused(NewUser(NewUserName(), unit.Id, role: "SuperUser")));
        var several = await Refused(new { userName = "có dấu", password = "abc", fullName = "", unitId = unit.Id, role = Roles.Staff, email = "khong-phai-thu" });
        Assert.Contains("Họ và tên không được để trống.", several);
        Assert.Contains("Tên đăng nhập 'có dấu' không hợp lệ", several);
        Assert.Contains("Mật khẩu phải dài ít nhất 10 ký tự.", several);
        Assert.Contains("Thư điện tử 'khong-phai-thu' không hợp lệ.", several);

        var all = await admin.GetFromJsonAsync<List<UserDto>>("/api/v1/users?q=Nguyễn Thị Thử", Ct);
        Assert.DoesNotContain(all!, u => u.UnitId == unit.Id && u.Id != existing.Id);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Only_admins_reach_the_user_api(Provider provider)
    {
        var app = apps.For(provider);
        var (leader, _, _) = await app.SignedInAsync(Roles.Leader);
        var (head, me, unit) = await app.SignedInAsync(Roles.UnitHead);

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/api/v1/users/{me.Id}", Ct)).StatusCode);
        var promote = await head.PutAsJsonAsync($"/api/v1/users/{me.Id}",
            new { fullName = "Tự nâng quyền", unitId = unit.Id, role = Roles.Admin }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/users", Ct)).StatusCode);
        var page = await leader.GetAsync("/nguoi-dung", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/khong-co-quyen", page.Headers.Location!.OriginalString);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_deactivated_user_cannot_sign_in_until_activated_again(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var user = await app.UserAsync(Roles.Staff, unit.Id);

        var off = await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate", null, Ct);

        Assert.Equal("Vô hiệu hóa", (await off.Content.ReadFromJsonAsync<UserDto>(Ct))!.StatusLabel);
        var refused = await app.NewClient().PostFormAsync("/dang-nhap", "login",
            new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tài khoản đã bị vô hiệu hóa", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        var guessed = await app.NewClient().PostFormAsync("/dang-nhap", "login",
            new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = "mot-mat-khau-doan-bua" });
        var guessedPage = WebUtility.HtmlDecode(await guessed.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("vô hiệu hóa", guessedPage);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", guessedPage);

        await admin.PostAsync($"/api/v1/users/{user.Id}/activate", null, Ct);
        await app.NewClient().LoginAsync(user.UserName!, TestData.Password);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_admin_cannot_deactivate_or_demote_themselves(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, me, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();

        var deactivate = await admin.PostAsync($"/api/v1/users/{me.Id}/deactivate", null, Ct);
        var demote = await admin.PutAsJsonAsync($"/api/v1/users/{me.Id}", new { fullName = me.FullName, unitId = unit.Id, role = Roles.Staff }, Ct);

        Assert.Contains("Bạn không thể tự vô hiệu hóa", await deactivate.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bạn không thể tự bỏ vai trò Quản trị hệ thống", await demote.Content.ReadAsStringAsync(Ct));
        var still = (await admin.GetFromJsonAsync<UserDto>($"/api/v1/users/{me.Id}", Ct))!;
        Assert.Equal((true, Roles.Admin), (still.IsActive, still.Role));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Five_wrong_passwords_lock_the_account_until_an_admin_unlocks_it(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var user = await app.UserAsync(Roles.Staff, unit.Id);
        var browser = app.NewClient();

        for (var i = 0; i < 5; i++)
            await browser.PostFormAsync("/dang-nhap", "login", new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = "sai-mat-khau-" + i });
        var right = await browser.PostFormAsync("/dang-nhap", "login",
            new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = TestData.Password });

        Assert.Contains("tạm bị khóa", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(Ct)));
        Assert.Equal("Đã khóa", (await admin.GetFromJsonAsync<UserDto>($"/api/v1/users/{user.Id}", Ct))!.StatusLabel);
        var unlocked = await admin.PostAsync($"/api/v1/users/{user.Id}/unlock", null, Ct);
        Assert.Equal("Hoạt động", (await unlocked.Content.ReadFromJsonAsync<UserDto>(Ct))!.StatusLabel);
        await browser.LoginAsync(user.UserName!, TestData.Password);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_reset_password_replaces_the_old_one_and_must_follow_the_policy(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var user = await app.UserAsync(Roles.Staff, unit.Id);

        var weak = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/reset-password", new { password = "password123" }, Ct);
        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/reset-password", new { password = "mat-khau-moi-cap-lai" }, Ct);

        Assert.Contains("quá phổ biến", await weak.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var old = await app.NewClient().PostFormAsync("/dang-nhap", "login",
            new() { ["Input.UserName"] = user.UserName!, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await app.NewClient().LoginAsync(user.UserName!, "mat-khau-moi-cap-lai");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/users/2147483647/unlock", null, Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_role_change_is_in_the_audit_log_with_who_made_it(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, me, unit) = await app.SignedInAsync(Roles.Admin);
        await admin.ConfirmPasswordAsync();
        var user = await app.UserAsync(Roles.Staff, unit.Id);

        await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { fullName = user.FullName, unitId = unit.Id, role = Roles.Inspector }, Ct);

        var entries = await app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().AuditEntries
            .Where(e => e.EntityType == "User" && e.EntityId == user.Id.ToString()).ToListAsync(Ct));
        var change = Assert.Single(entries, e => e.Changes.Contains("\"Role\""));
        Assert.Equal((me.UserName, AuditAction.Updated), (change.UserName, change.Action));
        Assert.Contains("\"old\":\"Staff\",\"new\":\"Inspector\"", change.Changes);
    }
}
