using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Search;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Search;

public sealed class SearchApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SearchResults> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&take=50", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<SearchResults>(Ct))!;
    }

    private static List<int> Ids(SearchResults results, SearchKind kind) =>
        results.Groups.Where(g => g.Kind == kind).SelectMany(g => g.Hits).Select(h => h.Id).ToList();

    private static async Task<int> PlanAsync(HttpClient coordinator, int issuerId, string title)
    {
        var plan = await coordinator.PostAsJsonAsync("/api/v1/plans", new { issuingUnitId = issuerId, title, status = "Issued" }, Ct);
        Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync(Ct));
        return (await plan.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
    }

    private static async Task<int> TaskAsync(HttpClient coordinator, int planId, string text, int leadId)
    {
        var task = await coordinator.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", new
        {
            label = "1", text, isTask = true, schedule = new { kind = "Fixed", dueDate = "2026-12-31" }, leadUnitIds = new[] { leadId },
        }, Ct);
        Assert.True(task.StatusCode == HttpStatusCode.Created, await task.Content.ReadAsStringAsync(Ct));
        return (await task.Content.ReadFromJsonAsync<NodeDto>(Ct))!.Id;
    }

    private static Task<int> ReportAsync(DonDocApp app, int unitId, string templateName, string html) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        var template = new ReportTemplate { Name = templateName, Kind = ReportKind.Periodic, Frequency = ReportFrequency.Yearly, DueDay = 5, DueMonth = 12, RecipientUnitId = unitId };
        var period = new ReportPeriod { Template = template, Label = "2026", DataFrom = new(2025, 12, 15), DataTo = new(2026, 12, 14), DueDate = new(2026, 12, 5), OpenedAt = DateTime.UtcNow };
        var report = new UnitReport { Period = period, UnitId = unitId, State = ReportState.Draft, Sections = [new UnitReportSection { SectionId = 1, Html = html }] };
        db.UnitReports.Add(report);
        await db.SaveChangesAsync(Ct);
        return report.Id;
    });

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Words_match_with_or_without_diacritics_in_any_case_and_đ_as_d(Provider provider)
    {
        var app = apps.For(provider);
        var code = TestData.UniqueCode();
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var planId = await PlanAsync(coordinator, province.Id, $"Kế hoạch giải quyết tố cáo của Đảng viên {code}");

        foreach (var q in new[] { $"to cao {code}", $"TỐ CÁO {code}", $"Tố Cáo {code.ToLowerInvariant()}", $"dang {code}", $"ĐẢNG {code}", $"đang {code}", $"DANG VIEN {code}" })
            Assert.True(Ids(await SearchAsync(coordinator, q), SearchKind.Plan).Contains(planId), q);

        var hit = (await SearchAsync(coordinator, $"dang {code}")).Groups.Single(g => g.Kind == SearchKind.Plan).Hits.Single();
        Assert.Contains("<mark>Đảng</mark>", hit.TitleHtml);
        Assert.Equal($"/ke-hoach/{planId}", hit.Url);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Every_word_must_match_and_words_match_at_their_start(Provider provider)
    {
        var app = apps.For(provider);
        var code = TestData.UniqueCode();
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var both = await PlanAsync(coordinator, province.Id, $"Tuyên truyền pháp luật về khiếu nại {code}");
        var one = await PlanAsync(coordinator, province.Id, $"Tuyên truyền chính sách dân tộc {code}");

        Assert.Equal([both, one], (await SearchAsync(coordinator, $"tuyen truyen {code}")).Groups.Single().Hits.Select(h => h.Id).Order());
        Assert.Equal([both], Ids(await SearchAsync(coordinator, $"tuyen khieu {code}"), SearchKind.Plan));
        Assert.Empty((await SearchAsync(coordinator, $"tuyen khieu ton {code}")).Groups);
        Assert.Empty((await SearchAsync(coordinator, $"uyen {code}")).Groups);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_officer_never_finds_another_units_report_task_update_or_unit(Provider provider)
    {
        var app = apps.For(provider);
        var code = TestData.UniqueCode();
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unitA = await app.UnitAsync($"Sở Kiểm thử A {code}");
        var unitB = await app.UnitAsync($"Sở Kiểm thử B {code}");
        var (officerA, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unitA);
        var (officerB, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unitB);
        var reportA = await ReportAsync(app, unitA.Id, $"Báo cáo công tác dân vận {code}", "<p>Giải quyết <b>tố cáo</b> kịp thời.</p>");
        var reportB = await ReportAsync(app, unitB.Id, $"Báo cáo công tác dân vận B {code}", "<p>Giải quyết tố cáo còn chậm.</p>");
        var planId = await PlanAsync(coordinator, province.Id, $"Kế hoạch kiểm thử {code}");
        var taskA = await TaskAsync(coordinator, planId, $"Xử lý đơn thư tố cáo {code} của sở A", unitA.Id);
        var taskB = await TaskAsync(coordinator, planId, $"Xử lý đơn thư tố cáo {code} của sở B", unitB.Id);
        var occurrenceB = (await coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{planId}/tasks", Ct))!
            .Single(t => t.NodeId == taskB).Assignments.Single().Occurrences.Single().Id;
        var form = new MultipartFormDataContent { { new StringContent($"Đã xử lý xong đơn tố cáo {code}"), "text" }, { new StringContent("false"), "claimsCompletion" } };
        var posted = await officerB.PostAsync($"/api/v1/occurrences/{occurrenceB}/updates", form, Ct);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync(Ct));
        var updateB = (await posted.Content.ReadFromJsonAsync<UpdateDto>(Ct))!.Id;

        var asA = await SearchAsync(officerA, $"to cao {code}");
        Assert.Equal([reportA], Ids(asA, SearchKind.Report));
        Assert.Equal([taskA], Ids(asA, SearchKind.Task));
        Assert.Empty(Ids(asA, SearchKind.Update));
        Assert.Equal([unitA.Id], Ids(await SearchAsync(officerA, $"so kiem thu {code}"), SearchKind.Unit));
        Assert.Equal(1, asA.Groups.Single(g => g.Kind == SearchKind.Report).Count);

        var asB = await SearchAsync(officerB, $"to cao {code}");
        Assert.Equal([reportB], Ids(asB, SearchKind.Report));
        Assert.Equal([updateB], Ids(asB, SearchKind.Update));
        Assert.Equal($"/nhiem-vu/{occurrenceB}", asB.Groups.Single(g => g.Kind == SearchKind.Update).Hits.Single().Url);

        var asCoordinator = await SearchAsync(coordinator, $"to cao {code}");
        Assert.Equal([reportA, reportB], Ids(asCoordinator, SearchKind.Report).Order());
        Assert.Equal([taskA, taskB], Ids(asCoordinator, SearchKind.Task).Order());
        Assert.Equal([updateB], Ids(asCoordinator, SearchKind.Update));
        Assert.Contains("<mark>tố</mark> <mark>cáo</mark>", asCoordinator.Groups.Single(g => g.Kind == SearchKind.Report).Hits.Single(h => h.Id == reportA).SnippetHtml);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_changed_record_is_found_by_its_new_text_only_and_a_renamed_unit_takes_its_reports_along(Provider provider)
    {
        var app = apps.For(provider);
        var code = TestData.UniqueCode();
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync($"Sở Cũ {code}");
        var report = await ReportAsync(app, unit.Id, $"Báo cáo thường niên {code}", "<p>Nội dung ban đầu về quốc phòng.</p>");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            (await db.Units.SingleAsync(u => u.Id == unit.Id, Ct)).Name = $"Sở Mới {code}";
            (await db.Set<UnitReportSection>().SingleAsync(s => s.ReportId == report, Ct)).Html = "<p>Nội dung sửa về an ninh.</p>";
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Empty((await SearchAsync(coordinator, $"so cu {code}")).Groups);
        Assert.Empty((await SearchAsync(coordinator, $"quoc phong {code}")).Groups);
        var renamed = await SearchAsync(coordinator, $"so moi {code}");
        Assert.Equal([unit.Id], Ids(renamed, SearchKind.Unit));
        Assert.Equal([report], Ids(renamed, SearchKind.Report));
        Assert.Equal([report], Ids(await SearchAsync(coordinator, $"an ninh {code}"), SearchKind.Report));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_deleted_task_is_no_longer_found(Provider provider)
    {
        var app = apps.For(provider);
        var code = TestData.UniqueCode();
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var planId = await PlanAsync(coordinator, province.Id, $"Kế hoạch tạm {code}");
        await TaskAsync(coordinator, planId, $"Nhiệm vụ sẽ bị xóa {code}", province.Id);
        Assert.Single(Ids(await SearchAsync(coordinator, $"xoa {code}"), SearchKind.Task));

        var plan = await coordinator.GetFromJsonAsync<PlanDetail>($"/api/v1/plans/{planId}", Ct);
        var deleted = await coordinator.DeleteAsync($"/api/v1/nodes/{plan!.Nodes.Single().Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await SearchAsync(coordinator, $"xoa {code}")).Groups);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Query_syntax_in_the_input_never_breaks_the_search(Provider provider)
    {
        var app = apps.For(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Coordinator);
        foreach (var q in new[] { "\"", "*", "-", "(", ":", "'", "%", "_", "\"tố cáo", "dang*", "-dang", "NEAR(to cao)", "a:b OR c", "'; DROP TABLE \"SearchEntries\"; --",
                     "100% _x_", "\\", "^dang", "{}[]", "đ" })
        {
            var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}", Ct);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{q}: {response.StatusCode}");
        }
        var tooShort = await client.GetAsync("/api/v1/search?q=%22a%22", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Nhập ít nhất 2 chữ cái", await tooShort.Content.ReadAsStringAsync(Ct));
    }
}
