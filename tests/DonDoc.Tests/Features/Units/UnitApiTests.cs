using System.Net;
using System.Net.Http.Json;
using DonDoc.Calendar;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Audit;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Units;

public sealed class UnitApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string code, string name, int? parentId = null, long? version = null) =>
        new { code, name, kind = "Department", parentId, aliases = new[] { "Tên khác" }, version };

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Admin_creates_a_unit_and_reads_it_back(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Admin);
        var code = TestData.UniqueCode();

        var created = await client.PostAsJsonAsync("/api/v1/units", Body(code, "Sở Thử nghiệm"), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<UnitEndpoints.UnitDto>(Ct);
        var read = await client.GetFromJsonAsync<UnitEndpoints.UnitDto>($"/api/v1/units/{unit!.Id}", Ct);
        Assert.Equal("Sở Thử nghiệm", read!.Name);
        Assert.Equal(["Tên khác"], read.Aliases);
        Assert.Equal("Sở, ban, ngành", read.KindLabel);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Empty_and_duplicate_codes_are_refused_in_Vietnamese_and_change_nothing(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Admin);
        var existing = await app.UnitAsync("Sở Có sẵn");

        var empty = await client.PostAsJsonAsync("/api/v1/units", Body("", "Sở Không mã"), Ct);
        var duplicate = await client.PostAsJsonAsync("/api/v1/units", Body(existing.Code, "Sở Trùng mã"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Mã đơn vị không được để trống.", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("đã được dùng cho đơn vị khác", await duplicate.Content.ReadAsStringAsync(Ct));
        var all = await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>("/api/v1/units?q=Sở Trùng mã", Ct);
        Assert.Empty(all!);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_cannot_become_its_own_ancestor(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Admin);
        var top = await app.UnitAsync("Cấp trên");
        var child = await app.UnitAsync("Cấp dưới", parentId: top.Id);
        var grandchild = await app.UnitAsync("Cấp dưới nữa", parentId: child.Id);

        var response = await client.PutAsJsonAsync($"/api/v1/units/{top.Id}", Body(top.Code, top.Name, grandchild.Id), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không thể chọn chính đơn vị này hoặc một đơn vị trực thuộc", await response.Content.ReadAsStringAsync(Ct));
        var after = await client.GetFromJsonAsync<UnitEndpoints.UnitDto>($"/api/v1/units/{top.Id}", Ct);
        Assert.Null(after!.ParentId);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Moving_a_unit_moves_its_subtree_into_the_new_parents_scope(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        var a = await app.UnitAsync("Nhánh A");
        var b = await app.UnitAsync("Nhánh B");
        var moved = await app.UnitAsync("Đơn vị chuyển", parentId: a.Id);
        var under = await app.UnitAsync("Trực thuộc đơn vị chuyển", parentId: moved.Id);
        var (officerOfB, _, _) = await app.SignedInAsync(Roles.UnitOfficer, b);

        Assert.Equal(HttpStatusCode.NotFound, (await officerOfB.GetAsync($"/api/v1/units/{under.Id}", Ct)).StatusCode);
        var put = await admin.PutAsJsonAsync($"/api/v1/units/{moved.Id}", Body(moved.Code, moved.Name, b.Id), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officerOfB.GetAsync($"/api/v1/units/{under.Id}", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_officer_sees_only_their_unit_and_its_children(Provider provider)
    {
        var app = apps.For(provider);
        var mine = await app.UnitAsync("Sở của tôi");
        var child = await app.UnitAsync("Phòng trực thuộc", parentId: mine.Id);
        var other = await app.UnitAsync("Sở khác");
        var (client, _, _) = await app.SignedInAsync(Roles.UnitOfficer, mine);

        var list = await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>("/api/v1/units", Ct);

        Assert.Equal([mine.Id, child.Id], list!.Select(u => u.Id).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/units/{other.Id}", Ct)).StatusCode);
        var post = await client.PostAsJsonAsync("/api/v1/units", Body(TestData.UniqueCode(), "X"), Ct);
        Assert.True(HttpStatusCode.Forbidden == post.StatusCode, await post.Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Every_change_is_in_the_audit_log_with_who_and_old_and_new_values(Provider provider)
    {
        var app = apps.For(provider);
        var (client, admin, _) = await app.SignedInAsync(Roles.Admin);
        var unit = await app.UnitAsync("Tên cũ");

        await client.PutAsJsonAsync($"/api/v1/units/{unit.Id}", Body(unit.Code, "Tên mới"), Ct);

        var page = await client.GetFromJsonAsync<DonDoc.Features.Audit.AuditEndpoints.Page<DonDoc.Features.Audit.AuditEndpoints.AuditDto>>(
            $"/api/v1/audit?entityType=Unit&entityId={unit.Id}", Ct);
        var update = Assert.Single(page!.Items, e => e.Action == DonDoc.Features.Audit.AuditAction.Updated);
        Assert.Equal(admin.UserName, update.UserName);
        Assert.Contains("\"old\":\"Tên cũ\"", update.Changes);
        Assert.Contains("\"new\":\"Tên mới\"", update.Changes);
        Assert.Contains(page.Items, e => e.Action == DonDoc.Features.Audit.AuditAction.Created);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Search_ignores_the_case_of_Vietnamese_letters(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Admin);
        var suffix = TestData.UniqueCode();
        var unit = await app.UnitAsync($"Đài Phát thanh và Truyền hình {suffix}", UnitKind.ProvincialBody);

        var found = await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>(
            $"/api/v1/units?q={Uri.EscapeDataString($"đài phát THANH và truyền hình {suffix.ToLowerInvariant()}")}", Ct);
        var byCode = await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>($"/api/v1/units?q={unit.Code.ToLowerInvariant()}", Ct);

        Assert.Equal([unit.Id], found!.Select(u => u.Id));
        Assert.Equal([unit.Id], byCode!.Select(u => u.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_deactivated_unit_leaves_the_active_list_and_names_its_successor(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Admin);
        var suffix = TestData.UniqueCode();
        var merged = await app.UnitAsync($"Sở Nông nghiệp và Môi trường {suffix}");
        var old = await app.UnitAsync($"Sở Tài nguyên và Môi trường {suffix}");
        var lastDay = VietnamTime.Today(app.Clock).AddDays(-1);

        var response = await client.PostAsJsonAsync($"/api/v1/units/{old.Id}/deactivate", new { lastDay, successorId = merged.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = await response.Content.ReadFromJsonAsync<UnitEndpoints.UnitDto>(Ct);
        Assert.Equal((false, lastDay, merged.Name), (unit!.Active, unit.ValidTo, unit.SuccessorName));
        var active = await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>($"/api/v1/units?q={suffix}", Ct);
        var all = await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>($"/api/v1/units?q={suffix}&includeInactive=true", Ct);
        Assert.Equal([merged.Id], active!.Select(u => u.Id));
        Assert.Equal([merged.Id, old.Id], all!.Select(u => u.Id).Order());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_cannot_end_before_it_began(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Admin);
        var unit = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<SaveUnit>().CreateAsync(
            new UnitInput(TestData.UniqueCode(), "UBND phường Trường Vinh", null, [], UnitKind.Commune, null, new(2025, 7, 1), null, null), Ct)).Value!);

        var response = await client.PostAsJsonAsync($"/api/v1/units/{unit.Id}/deactivate", new { lastDay = new DateOnly(2025, 6, 30) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không được trước ngày bắt đầu hiệu lực (01/07/2025)", await response.Content.ReadAsStringAsync(Ct));
        Assert.Null((await client.GetFromJsonAsync<UnitEndpoints.UnitDto>($"/api/v1/units/{unit.Id}", Ct))!.ValidTo);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_edit_the_same_unit_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        var app = apps.For(provider);
        var (first, _, _) = await app.SignedInAsync(Roles.Admin, fullName: ConcurrentEdits.FirstEditor);
        var (second, _, _) = await app.SignedInAsync(Roles.Admin);
        var unit = await app.UnitAsync("Sở Khoa học và Công nghệ");
        var parent = await app.UnitAsync("UBND tỉnh thử " + TestData.UniqueCode(), UnitKind.Province);
        var opened = (await second.GetFromJsonAsync<UnitEndpoints.UnitDto>($"/api/v1/units/{unit.Id}", Ct))!.Version;

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync($"/api/v1/units/{unit.Id}", Body(unit.Code, "Sở Khoa học, Công nghệ và Đổi mới sáng tạo", parent.Id, opened), Ct));
        var message = await ConcurrentEdits.RefusedAsync(
            second.PutAsJsonAsync($"/api/v1/units/{unit.Id}", Body(unit.Code, "Sở KH&CN", version: opened), Ct), "Đơn vị");

        Assert.Contains("\n• Tên đơn vị: «Sở Khoa học và Công nghệ» → «Sở Khoa học, Công nghệ và Đổi mới sáng tạo»\n", message);
        Assert.Contains($"\n• Đơn vị cấp trên: (trống) → {parent.Name}\n", message);
        var stored = await second.GetFromJsonAsync<UnitEndpoints.UnitDto>($"/api/v1/units/{unit.Id}", Ct);
        Assert.Equal(("Sở Khoa học, Công nghệ và Đổi mới sáng tạo", parent.Id), (stored!.Name, stored.ParentId));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Several_saves_since_the_unit_was_opened_are_listed_in_order_each_with_its_changes(Provider provider)
    {
        var app = apps.For(provider);
        var (first, _, _) = await app.SignedInAsync(Roles.Admin, fullName: ConcurrentEdits.FirstEditor);
        var (other, _, _) = await app.SignedInAsync(Roles.Admin, fullName: "Lê Thị Bích");
        var (second, _, _) = await app.SignedInAsync(Roles.Admin);
        var unit = await app.UnitAsync("Sở Công Thương");
        var opened = (await second.GetFromJsonAsync<UnitEndpoints.UnitDto>($"/api/v1/units/{unit.Id}", Ct))!.Version;

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync($"/api/v1/units/{unit.Id}", Body(unit.Code, "Sở Công thương", version: opened), Ct));
        await ConcurrentEdits.SavedAsync(other.PutAsJsonAsync($"/api/v1/units/{unit.Id}", Body(unit.Code, "Sở Công thương tỉnh", version: opened + 1), Ct));
        var message = await ConcurrentEdits.MessageAsync(second.PutAsJsonAsync($"/api/v1/units/{unit.Id}", Body(unit.Code, "Sở CT", version: opened), Ct));

        Assert.Equal(
            "Đơn vị đã được sửa 2 lần sau khi bạn mở:\n"
            + $"{ConcurrentEdits.FirstEditor}, lúc 09:00 ngày 27/11/2026:\n• Tên đơn vị: «Sở Công Thương» → «Sở Công thương»\n• Tên gọi khác: (trống) → «Tên khác»\n"
            + "Lê Thị Bích, lúc 09:00 ngày 27/11/2026:\n• Tên đơn vị: «Sở Công thương» → «Sở Công thương tỉnh»\n"
            + "Dữ liệu của bạn chưa được lưu; hãy tải lại để xem thay đổi rồi sửa lại.", message);
    }
}
