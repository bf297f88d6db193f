using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Plans;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Plans;

/// <summary>What can be deleted (drafts, nodes nobody acted on, uncited documents) and who writes which plan's tasks.</summary>
public sealed class PlanDeletionTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> PlanAsync(HttpClient client, object plan)
    {
        var response = await client.PostAsJsonAsync("/api/v1/plans", plan, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
    }

    private static Task<HttpResponseMessage> AddTaskAsync(HttpClient client, int planId, string label, int leadId, int? parentId = null) =>
        client.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", new
        {
            parentId, label, text = $"Nhiệm vụ {label}", isTask = true, schedule = new { kind = "Fixed", dueDate = "2026-12-31" }, leadUnitIds = new[] { leadId },
        }, Ct);

    private static async Task<NodeDto> CreatedAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<NodeDto>(Ct))!;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_draft_goes_with_its_tree_but_an_issued_plan_is_ended_not_deleted(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var draft = await PlanAsync(coordinator, new { issuingUnitId = province.Id, title = "Dự thảo sẽ xóa" });
        var section = await CreatedAsync(coordinator.PostAsJsonAsync($"/api/v1/plans/{draft}/nodes", new { label = "I", text = "Nhiệm vụ", isTask = false }, Ct));
        await CreatedAsync(AddTaskAsync(coordinator, draft, "1", province.Id, section.Id));
        var issued = await PlanAsync(coordinator, new { issuingUnitId = province.Id, title = "Đã ban hành", status = "Issued" });

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/plans/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/plans/{draft}", Ct)).StatusCode);
        var refused = await coordinator.DeleteAsync($"/api/v1/plans/{issued}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Chỉ xóa được kế hoạch đang dự thảo", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_node_goes_with_its_children_unless_a_unit_has_reported_on_it(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync("Sở thử xóa mục");
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unit);
        var plan = await PlanAsync(coordinator, new { issuingUnitId = province.Id, title = "Kế hoạch xóa mục", status = "Issued" });
        var quiet = await CreatedAsync(coordinator.PostAsJsonAsync($"/api/v1/plans/{plan}/nodes", new { label = "I", text = "Chưa ai làm", isTask = false }, Ct));
        await CreatedAsync(AddTaskAsync(coordinator, plan, "1", unit.Id, quiet.Id));
        var busy = await CreatedAsync(AddTaskAsync(coordinator, plan, "2", unit.Id));
        var occurrence = (await coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{plan}/tasks", Ct))!
            .Single(t => t.NodeId == busy.Id).Assignments.Single().Occurrences.Single();
        var form = new MultipartFormDataContent { { new StringContent("Đang triển khai"), "text" }, { new StringContent("false"), "claimsCompletion" } };
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/v1/occurrences/{occurrence.Id}/updates", form, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/nodes/{quiet.Id}", Ct)).StatusCode);
        var refused = await coordinator.DeleteAsync($"/api/v1/nodes/{busy.Id}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Đã có đơn vị báo cáo tiến độ", await refused.Content.ReadAsStringAsync(Ct));
        var left = (await coordinator.GetFromJsonAsync<PlanDetail>($"/api/v1/plans/{plan}", Ct))!.Nodes;
        Assert.Equal(["2"], left.Select(n => n.Path));
        var assignmentId = (await coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{plan}/tasks", Ct))!.Single().Assignments.Single().Id;
        var assignment = await coordinator.GetFromJsonAsync<AssignmentDto>($"/api/v1/assignments/{assignmentId}", Ct);
        Assert.Equal("Sở thử xóa mục", assignment!.LeadUnit.Name);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Roles.UnitOfficer)).Client.GetAsync($"/api/v1/assignments/{assignment.Id}", Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_writes_tasks_only_into_its_own_plan_and_leads_only_with_its_own_units(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync("Sở tự lập kế hoạch");
        var other = await app.UnitAsync("Sở bên cạnh");
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unit);
        var provincePlan = await PlanAsync(coordinator, new { issuingUnitId = province.Id, title = "Kế hoạch của tỉnh", status = "Issued" });
        var own = await PlanAsync(officer, new { issuingUnitId = unit.Id, title = "Kế hoạch của sở", parentPlanId = provincePlan });

        await CreatedAsync(AddTaskAsync(officer, own, "1", unit.Id));
        var elsewhere = await AddTaskAsync(officer, own, "2", other.Id);
        var intoProvince = await AddTaskAsync(officer, provincePlan, "9", unit.Id);

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("chỉ giao chủ trì cho chính đơn vị mình", await elsewhere.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, intoProvince.StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_document_is_corrected_given_its_file_and_deleted_only_when_no_plan_cites_it(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var symbol = $"{Random.Shared.Next(100, 999)}/QĐ-UBND-{TestData.UniqueCode()}";
        var added = await (await coordinator.PostAsJsonAsync("/api/v1/documents", new { kind = "Quyết định", symbol }, Ct))
            .Content.ReadFromJsonAsync<DocumentEndpoints.DocumentDto>(Ct);
        var cited = await (await coordinator.PostAsJsonAsync("/api/v1/documents", new { kind = "Nghị quyết", symbol = symbol + "-B" }, Ct))
            .Content.ReadFromJsonAsync<DocumentEndpoints.DocumentDto>(Ct);
        await PlanAsync(coordinator, new { issuingUnitId = province.Id, title = "Kế hoạch căn cứ", basisDocumentIds = new[] { cited!.Id } });

        var corrected = await coordinator.PutAsJsonAsync($"/api/v1/documents/{added!.Id}",
            new { kind = "Quyết định", symbol, issuedOn = "2025-06-30", issuer = "UBND tỉnh", summary = "Ban hành quy chế", version = added.Version }, Ct);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var upload = await coordinator.PutAsync($"/api/v1/documents/{added.Id}/file",
            new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "quyet-dinh.pdf" } }, Ct);
        var download = await coordinator.GetAsync($"/api/v1/documents/{added.Id}/file", Ct);
        var refused = await coordinator.DeleteAsync($"/api/v1/documents/{cited.Id}", Ct);
        var deleted = await coordinator.DeleteAsync($"/api/v1/documents/{added.Id}", Ct);

        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("UBND tỉnh", "Ban hành quy chế"), await corrected.Content.ReadFromJsonAsync<DocumentEndpoints.DocumentDto>(Ct) is { } d ? (d.Issuer, d.Summary) : default);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync(Ct));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("đang là căn cứ của kế hoạch", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
