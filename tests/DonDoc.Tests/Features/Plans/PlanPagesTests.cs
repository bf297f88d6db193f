using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DonDoc.Features.Plans;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Plans;

/// <summary>The plan pages as the server first renders them, for the coordinator and for a unit's officer.</summary>
public sealed partial class PlanPagesTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("class=\"plan-label\"[^>]*>([^<]*)<")]
    private static partial Regex TreeLabel();

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_coordinator_reads_the_plan_as_the_document_with_each_units_status(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);

        var html = await PageAsync(plan.Coordinator, $"/ke-hoach/{plan.Id}");

        Assert.Equal(SamplePlan.Labels, TreeLabel().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains(plan.Title, html);
        Assert.Contains($"Số: {plan.Symbol}", Regex.Replace(html, "<[^>]+>", ""));
        Assert.Contains("15/03/2024", html);
        Assert.Contains("Ban hành", html);
        Assert.Contains("Căn cứ:", html);
        Assert.Matches(@"Nghị quyết số 30/NQ-CP-\w+ ngày 11/03/2022 của Chính phủ", html);
        Assert.Contains("KT. CHỦ TỊCH", html);
        Assert.Contains("Nguyễn Văn Ký", html);
        Assert.Contains("Nơi nhận (2)", html);
        Assert.Contains("MỤC ĐÍCH, YÊU CẦU", html);
        Assert.Contains("Hạn 30/06/2026", html);
        Assert.Contains("Trước ngày 05/12 hằng năm, từ 2025", html);
        Assert.Contains("Định kỳ trước ngày 05/12 hàng năm", html);
        Assert.Contains("Thường xuyên", html);
        Assert.Contains("Sản phẩm:", html);
        Assert.Contains($"Phối hợp: {plan.Province.Name}", Regex.Replace(html, "<[^>]+>", ""));
        // At 27/11/2026: II.1.a is 150 days late, II.1.b's 2026 period is within its term (its 2025 one is late),
        // the standing duty has no report yet, and the bullet is due in three days.
        Assert.Contains("Quá hạn 150 ngày", html);
        Assert.Contains("Trong hạn", html);
        Assert.Contains("còn 1 kỳ trước quá hạn", html);
        Assert.Contains("Thường xuyên: chưa báo cáo", html);
        Assert.Contains("Sắp đến hạn", html);
        Assert.Contains(plan.UnitA.Name, html);
        Assert.Contains(plan.UnitB.Name, html);
        Assert.Contains("Sửa kế hoạch", html);
        Assert.Contains("Thêm mục", html);
        Assert.DoesNotContain("Lập kế hoạch của đơn vị", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_units_officer_sees_the_whole_text_but_only_their_units_assignments(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, plan.UnitB);

        var html = await PageAsync(officer, $"/ke-hoach/{plan.Id}");

        Assert.Equal(SamplePlan.Labels, TreeLabel().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("Rà soát văn bản quy phạm pháp luật của tỉnh.", html);
        Assert.Contains("Nhiệm vụ không giao cho đơn vị của bạn.", html);
        Assert.Contains(plan.UnitB.Name, html);
        Assert.DoesNotContain(plan.UnitA.Name, html);
        Assert.DoesNotContain("Quá hạn 150 ngày", html);
        Assert.Contains("Thường xuyên: chưa báo cáo", html);
        Assert.DoesNotContain("Sửa kế hoạch", html);
        Assert.Contains("Lập kế hoạch của đơn vị", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_units_own_plan_shows_under_the_task_it_concretises(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);
        var (head, _, _) = await app.SignedInAsync(Roles.UnitHead, plan.UnitA);
        var created = await head.PostAsJsonAsync("/api/v1/plans", new
        {
            symbol = "45/KH-STN", issuedOn = "2024-05-02", issuingUnitId = plan.UnitA.Id, title = "Kế hoạch rà soát văn bản của Sở Thử nghiệm A",
            parentNodeId = plan.Nodes["II.1.a"], status = "Issued",
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var unitPlanId = (await created.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;

        var province = await PageAsync(plan.Coordinator, $"/ke-hoach/{plan.Id}");
        Assert.Contains("Kế hoạch của đơn vị:", province);
        Assert.Contains($"href=\"/ke-hoach/{unitPlanId}\"", province);
        Assert.Contains($"{plan.UnitA.Name} — Kế hoạch 45/KH-STN ngày 02/05/2024", province);

        var own = await PageAsync(head, $"/ke-hoach/{unitPlanId}");
        Assert.Contains("Kế hoạch của đơn vị, cụ thể hóa", own);
        Assert.Contains($"Kế hoạch {plan.Symbol}, nhiệm vụ II.1.a", own);
        Assert.Contains("Sửa kế hoạch", own);
        Assert.Contains("Kế hoạch chưa có mục nào.", own);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_task_given_to_many_units_shows_counts_by_status_before_the_units(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);
        var code = TestData.UniqueCode();
        var units = new List<int>();
        for (var i = 0; i < 7; i++)
            units.Add((await app.UnitAsync($"UBND xã Thử nghiệm {i} {code}", DonDoc.Features.Units.UnitKind.Commune)).Id);
        var added = await plan.Coordinator.PostAsJsonAsync($"/api/v1/plans/{plan.Id}/nodes", new
        {
            parentId = plan.Nodes["II"], label = "3", text = "UBND cấp xã báo cáo kết quả.", isTask = true,
            schedule = new { kind = "Yearly", day = 5, month = 12, firstYear = 2025 }, leadUnitIds = units, assignedAsGroup = "UBND các xã, phường",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var html = await PageAsync(plan.Coordinator, $"/ke-hoach/{plan.Id}");

        Assert.Contains("7 đơn vị chủ trì:", html);
        Assert.Contains("Trong hạn: 7", html);
        Assert.Contains("7 đơn vị còn kỳ trước quá hạn", html);
        Assert.Contains("Giao: UBND các xã, phường", Regex.Replace(html, "<[^>]+>", ""));
        Assert.Contains("Xem từng đơn vị", html);
        Assert.DoesNotContain($"UBND xã Thử nghiệm 0 {code}", html);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_extended_deadline_shows_with_the_one_first_given(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, plan.UnitB);
        var tasks = await plan.Coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{plan.Id}/tasks", Ct);
        var occurrenceId = tasks!.Single(t => t.NodeId == plan.Nodes["II.2.-"]).Assignments[0].Occurrences[0].Id;
        var requested = await officer.PostAsJsonAsync($"/api/v1/occurrences/{occurrenceId}/extensions",
            new { proposedDueDate = "2026-12-15", reason = "Chờ ý kiến của các sở." }, Ct);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var requestId = (await requested.Content.ReadFromJsonAsync<ExtensionDto>(Ct))!.Id;
        Assert.Equal(HttpStatusCode.OK, (await plan.Coordinator.PostAsJsonAsync($"/api/v1/extensions/{requestId}/decision", new { approve = true }, Ct)).StatusCode);

        var html = await PageAsync(officer, $"/ke-hoach/{plan.Id}");

        Assert.Contains("hạn 15/12/2026 (gia hạn từ 30/11/2026)", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_list_offers_plan_making_to_the_coordinator_only_and_an_unknown_plan_says_so(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, _) = await app.SignedInAsync(Roles.Coordinator);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer);

        var forCoordinator = await PageAsync(coordinator, "/ke-hoach");
        foreach (var column in new[] { "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Đơn vị ban hành", "Trạng thái", "Số nhiệm vụ", "Tiến độ" })
            Assert.Contains(column, forCoordinator);
        Assert.Contains("Tìm theo số, ký hiệu hoặc trích yếu", forCoordinator);
        Assert.Contains("Lập kế hoạch</span>", forCoordinator);
        // The grid loads its rows once interactive; until then it must not claim there are none.
        Assert.Contains("Đang tải danh sách kế hoạch…", forCoordinator);
        Assert.DoesNotContain("Không có kế hoạch nào", forCoordinator);

        var forOfficer = await PageAsync(officer, "/ke-hoach");
        Assert.Contains("Trích yếu", forOfficer);
        Assert.DoesNotContain("Lập kế hoạch</span>", forOfficer);
        Assert.Contains("Để lập kế hoạch của đơn vị, mở kế hoạch của tỉnh", forOfficer);

        var missing = await PageAsync(coordinator, "/ke-hoach/987654321");
        Assert.Contains("Không tìm thấy kế hoạch", missing);
    }
}
