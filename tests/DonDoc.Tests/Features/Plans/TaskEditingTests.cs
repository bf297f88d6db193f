using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Audit;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Plans;

public sealed class TaskEditingTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<NodeDto> AddAsync(HttpClient client, int planId, object node)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", node, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<NodeDto>(Ct))!;
    }

    private static async Task<int> PlanAsync(HttpClient client, int issuerId)
    {
        var plan = await client.PostAsJsonAsync("/api/v1/plans", new { issuingUnitId = issuerId, title = "Kế hoạch sửa mục" }, Ct);
        return (await plan.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Editing_a_bullet_keeps_its_number_and_moving_an_item_moves_its_children(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var planId = await PlanAsync(coordinator, province.Id);
        var one = await AddAsync(coordinator, planId, new { label = "1", text = "Mục một", isTask = false });
        var two = await AddAsync(coordinator, planId, new { label = "2", text = "Mục hai", isTask = false });
        var first = await AddAsync(coordinator, planId, new { parentId = one.Id, label = "-", text = "Gạch đầu dòng thứ nhất", isTask = false });
        var second = await AddAsync(coordinator, planId, new { parentId = one.Id, label = "-", text = "Gạch đầu dòng thứ hai", isTask = false });
        var letter = await AddAsync(coordinator, planId, new { parentId = second.Id, label = "a", text = "Điểm a", isTask = false });
        Assert.Equal(["1.-1", "1.-2", "1.-2.a"], new[] { first.Path, second.Path, letter.Path });

        var edited = await coordinator.PutAsJsonAsync($"/api/v1/nodes/{first.Id}", new { parentId = one.Id, label = "-", text = "Gạch đầu dòng thứ nhất, đã sửa", isTask = false }, Ct);
        Assert.Equal("1.-1", (await edited.Content.ReadFromJsonAsync<NodeDto>(Ct))!.Path);

        var moved = await coordinator.PutAsJsonAsync($"/api/v1/nodes/{second.Id}", new { parentId = two.Id, label = "-", text = "Gạch đầu dòng thứ hai", isTask = false }, Ct);
        Assert.Equal("2.-1", (await moved.Content.ReadFromJsonAsync<NodeDto>(Ct))!.Path);
        var detail = await coordinator.GetFromJsonAsync<PlanDetail>($"/api/v1/plans/{planId}", Ct);
        Assert.Equal("2.-1.a", detail!.Nodes.Single(n => n.Id == letter.Id).Path);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Deactivating_a_unit_with_a_successor_hands_its_open_tasks_over(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var old = await app.UnitAsync("Sở sắp sáp nhập");
        var successor = await app.UnitAsync("Sở sau sáp nhập");
        var (successorOfficer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, successor);
        var planId = await PlanAsync(coordinator, province.Id);
        await AddAsync(coordinator, planId, new
        {
            label = "1", text = "Báo cáo hằng năm", isTask = true, schedule = new { kind = "Yearly", day = 5, month = 12, firstYear = 2026 },
            leadUnitIds = new[] { old.Id },
        });

        var response = await admin.PostAsJsonAsync($"/api/v1/units/{old.Id}/deactivate", new { lastDay = "2026-11-26", successorId = successor.Id }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var tasks = await successorOfficer.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{planId}/tasks", Ct);
        var assignment = Assert.Single(Assert.Single(tasks!).Assignments);
        Assert.Equal(successor.Id, assignment.LeadUnit.Id);
        Assert.Equal("Sở sắp sáp nhập", assignment.TransferredFrom!.Name);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_edit_the_same_task_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        var app = apps.For(provider);
        var (first, _, province) = await app.SignedInAsync(Roles.Coordinator, fullName: ConcurrentEdits.FirstEditor);
        var (second, _, _) = await app.SignedInAsync(Roles.Coordinator);
        var lead = await app.UnitAsync("Sở chủ trì lúc đầu " + TestData.UniqueCode());
        var other = await app.UnitAsync("Sở chủ trì sau khi sửa " + TestData.UniqueCode());
        var planId = await PlanAsync(first, province.Id);
        object Task(string text, string due, int leadId, long? version = null) =>
            new { label = "1", text, isTask = true, schedule = new { kind = "Fixed", dueDate = due }, leadUnitIds = new[] { leadId }, version };
        var task = await AddAsync(first, planId, Task("Rà soát thủ tục hành chính", "2026-12-05", lead.Id));
        var opened = (await second.GetFromJsonAsync<PlanDetail>($"/api/v1/plans/{planId}", Ct))!.Nodes.Single(n => n.Id == task.Id).Version;

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync($"/api/v1/nodes/{task.Id}",
            Task("Rà soát và công bố thủ tục hành chính", "2026-12-10", other.Id, opened), Ct));
        var message = await ConcurrentEdits.RefusedAsync(second.PutAsJsonAsync($"/api/v1/nodes/{task.Id}",
            Task("Rà soát thủ tục hành chính cấp tỉnh", "2026-12-05", lead.Id, opened), Ct), "Nhiệm vụ");

        Assert.Contains("\n• Nội dung: «Rà soát thủ tục hành chính» → «Rà soát và công bố thủ tục hành chính»\n", message);
        Assert.Contains("\n• Hạn hoàn thành: 05/12/2026 → 10/12/2026\n", message);
        Assert.Contains($"\n• Đơn vị chủ trì: thêm {other.Name}; bỏ {lead.Name}\n", message);
        var stored = Assert.Single((await second.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{planId}/tasks", Ct))!);
        Assert.Equal(("Rà soát và công bố thủ tục hành chính", new DateOnly(2026, 12, 10)), (stored.Content, stored.Schedule.DueDate));
        Assert.Equal([other.Id], stored.Assignments.Select(a => a.LeadUnit.Id));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_edit_the_same_plan_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        var app = apps.For(provider);
        var (first, _, province) = await app.SignedInAsync(Roles.Coordinator, fullName: ConcurrentEdits.FirstEditor);
        var (second, _, _) = await app.SignedInAsync(Roles.Coordinator);
        var planId = await PlanAsync(first, province.Id);
        var opened = (await second.GetFromJsonAsync<PlanDetail>($"/api/v1/plans/{planId}", Ct))!.Version;

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync($"/api/v1/plans/{planId}",
            new { issuingUnitId = province.Id, title = "Kế hoạch cải cách hành chính năm 2027", status = "Issued", version = opened }, Ct));
        var message = await ConcurrentEdits.RefusedAsync(second.PutAsJsonAsync($"/api/v1/plans/{planId}",
            new { issuingUnitId = province.Id, title = "Kế hoạch sửa mục", symbol = "12/KH-UBND", version = opened }, Ct), "Kế hoạch");

        Assert.Contains("\n• Trích yếu: «Kế hoạch sửa mục» → «Kế hoạch cải cách hành chính năm 2027»\n", message);
        Assert.Contains("\n• Trạng thái: Dự thảo → Ban hành\n", message);
        var stored = (await second.GetFromJsonAsync<PlanDetail>($"/api/v1/plans/{planId}", Ct))!.Plan;
        Assert.Equal(("Kế hoạch cải cách hành chính năm 2027", null), (stored.Title, stored.Symbol));
    }
}
