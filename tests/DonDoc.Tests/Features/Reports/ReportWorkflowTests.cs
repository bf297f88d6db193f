using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Audit;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Reports;

/// <summary>A unit's report through every transition and refusal, and what the coordinator consolidates from it.</summary>
public sealed class ReportWorkflowTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal sealed record Setup(HttpClient Coordinator, HttpClient OfficerA, HttpClient HeadA, HttpClient OfficerB, Unit A, Unit B,
        ReportEndpoints.TemplateDto Template, PeriodDto Period);

    internal static async Task<Setup> SetUpAsync(DonDocApp app, int? planId = null, int? taskNodeId = null, int? sectionNodeId = null)
    {
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var a = await app.UnitAsync("Sở báo cáo A " + TestData.UniqueCode());
        var b = await app.UnitAsync("Sở báo cáo B " + TestData.UniqueCode(), UnitKind.Commune);
        var created = await coordinator.PostAsJsonAsync("/api/v1/report-templates", new
        {
            name = "Báo cáo kết quả thực hiện cải cách hành chính", kind = "Periodic", frequency = "Yearly", dueDay = 5, dueMonth = 12,
            recipientUnitId = province.Id, obligedUnitIds = new[] { a.Id, b.Id }, planId, taskNodeId,
            sections = new object[] { new { title = "Kết quả thực hiện", nodeId = sectionNodeId }, new { title = "Tồn tại, hạn chế" } },
            indicators = new object[]
            {
                new { code = "TTHC", name = "Số thủ tục hành chính được đơn giản hóa", measure = "thủ tục", type = "Integer", aggregation = "Sum", min = 0, max = 500, required = true },
                new { code = "ISO", name = "Áp dụng ISO 9001", type = "YesNo", aggregation = "CountYes" },
            },
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var template = (await created.Content.ReadFromJsonAsync<ReportEndpoints.TemplateDto>(Ct))!;
        var opened = await coordinator.PostAsJsonAsync($"/api/v1/report-templates/{template.Id}/periods", new { year = 2026 }, Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync(Ct));
        return new Setup(coordinator, (await app.SignedInAsync(Roles.UnitOfficer, a)).Client, (await app.SignedInAsync(Roles.UnitHead, a)).Client,
            (await app.SignedInAsync(Roles.UnitOfficer, b)).Client, a, b, template, (await opened.Content.ReadFromJsonAsync<PeriodDto>(Ct))!);
    }

    internal static async Task<int> ReportIdAsync(Setup s, Unit unit) =>
        (await s.Coordinator.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{s.Period.Id}/completeness", Ct))!.Rows.Single(r => r.UnitId == unit.Id).ReportId;

    internal static Task<HttpResponseMessage> DraftAsync(HttpClient client, int id, Setup s, string text, decimal? tthc, bool estimate = false,
        long? version = null) =>
        client.PutAsJsonAsync($"/api/v1/reports/{id}", new
        {
            sections = new Dictionary<int, string> { [s.Template.Sections[0].Id] = text },
            values = new Dictionary<int, IndicatorValue> { [s.Template.Indicators[0].Id] = new(tthc, estimate), [s.Template.Indicators[1].Id] = new(1) },
            version,
        }, Ct);

    internal static async Task<string> RefusalAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body;
    }

    internal static async Task<ReportDetail> OkAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ReportDetail>(Ct))!;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_report_goes_from_draft_to_the_unit_head_to_the_coordinator_and_back_and_every_wrong_step_is_refused(Provider provider)
    {
        var app = apps.For(provider);
        var s = await SetUpAsync(app);
        var id = await ReportIdAsync(s, s.A);

        Assert.Contains("phải trong khoảng 0–500", await RefusalAsync(DraftAsync(s.OfficerA, id, s, "<p>Đã làm</p>", 900)));
        Assert.Contains("chưa có nội dung", await RefusalAsync(s.HeadA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct)));
        var draft = await OkAsync(DraftAsync(s.OfficerA, id, s, "<p>Đã ban hành 3 văn bản.</p><script>alert(1)</script>", 12, estimate: true));
        Assert.Equal("<p>Đã ban hành 3 văn bản.</p>", draft.Texts[s.Template.Sections[0].Id]);
        await RefusalAsync(DraftAsync(s.OfficerB, id, s, "<p>Sửa hộ</p>", 1), HttpStatusCode.NotFound);
        await RefusalAsync(s.OfficerB.PostAsync($"/api/v1/reports/{id}/submit", null, Ct), HttpStatusCode.NotFound);
        await RefusalAsync(s.Coordinator.PutAsJsonAsync($"/api/v1/reports/{id}", new { sections = new Dictionary<int, string>() }, Ct), HttpStatusCode.Forbidden);

        Assert.Equal(ReportState.AwaitingApproval, (await OkAsync(s.OfficerA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct))).State);
        Assert.Contains("đang chờ duyệt", await RefusalAsync(s.OfficerA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct)));
        var submitted = await OkAsync(s.HeadA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct));
        Assert.Equal((ReportState.Submitted, SubmissionStatus.SubmittedOnTime), (submitted.State, submitted.Submission.Status));
        Assert.StartsWith("Người dùng", submitted.SubmittedInNameOf ?? "Người dùng");
        Assert.Contains("không gửi lại được", await RefusalAsync(s.HeadA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct)));
        Assert.Contains("không sửa được", await RefusalAsync(DraftAsync(s.OfficerA, id, s, "<p>Sửa sau khi gửi</p>", 12)));

        Assert.Contains("Cần ghi lý do trả lại", await RefusalAsync(s.Coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { accept = false }, Ct)));
        var returned = await OkAsync(s.Coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { accept = false, reason = "Thiếu số liệu quý IV." }, Ct));
        Assert.Equal((ReportState.Returned, "Thiếu số liệu quý IV."), (returned.State, returned.ReturnReason));
        await OkAsync(DraftAsync(s.OfficerA, id, s, "<p>Đã ban hành 5 văn bản.</p>", 15));
        var again = await OkAsync(s.HeadA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct));
        Assert.Equal(2, again.Submissions.Count);
        var diff = await s.Coordinator.GetFromJsonAsync<Dictionary<int, List<DiffPart>>>($"/api/v1/reports/{id}/submissions/{again.Submissions[0].Id}/diff", Ct);
        Assert.Contains(new DiffPart(DiffKind.Removed, "3"), diff![s.Template.Sections[0].Id]);
        Assert.Contains(new DiffPart(DiffKind.Added, "5"), diff[s.Template.Sections[0].Id]);

        var accepted = await OkAsync(s.Coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { accept = true }, Ct));
        Assert.Equal(SubmissionStatus.Accepted, accepted.Submission.Status);
        Assert.Contains("đã được tiếp nhận", await RefusalAsync(DraftAsync(s.OfficerA, id, s, "<p>Sửa sau khi tiếp nhận</p>", 1)));
        Assert.Contains("đã được tiếp nhận", await RefusalAsync(s.Coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { accept = true }, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Completeness_and_consolidation_say_who_is_in_and_which_totals_hold_estimates(Provider provider)
    {
        var app = apps.Isolated(provider);
        var s = await SetUpAsync(app);
        var a = await ReportIdAsync(s, s.A);
        await OkAsync(DraftAsync(s.OfficerA, a, s, "<p>Sở A đã rà soát 12 thủ tục.</p>", 12, estimate: true));
        await OkAsync(s.HeadA.PostAsync($"/api/v1/reports/{a}/submit", null, Ct));
        app.Clock.Advance(TimeSpan.FromDays(10));   // past 05/12/2026; sessions end, so people sign in again
        var coordinator = (await app.SignedInAsync(Roles.Coordinator)).Client;
        var officerB = (await app.SignedInAsync(Roles.UnitOfficer, s.B)).Client;
        s = s with { Coordinator = coordinator, OfficerA = (await app.SignedInAsync(Roles.UnitOfficer, s.A)).Client };

        var c = await s.Coordinator.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{s.Period.Id}/completeness", Ct);
        var b = c!.Rows.Single(r => r.UnitId == s.B.Id);
        Assert.Equal((SubmissionStatus.NotSubmitted, 2), (b.Status, b.DaysLate));
        Assert.Equal(SubmissionStatus.SubmittedOnTime, c.Rows.Single(r => r.UnitId == s.A.Id).Status);
        Assert.Equal(50, c.SubmittedRate);
        var unitView = await officerB.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{s.Period.Id}/completeness", Ct);
        Assert.Equal([s.B.Id], unitView!.Rows.Select(r => r.UnitId));

        var consolidation = await s.Coordinator.GetFromJsonAsync<Consolidation>($"/api/v1/report-periods/{s.Period.Id}/consolidation", Ct);
        var tthc = consolidation!.Indicators.Single(i => i.Indicator.Code == "TTHC");
        Assert.Equal(new IndicatorTotal(12, 1, true), tthc.Total);
        Assert.Equal(1, consolidation.Indicators.Single(i => i.Indicator.Code == "ISO").Total.Value);
        Assert.Equal([s.B.Name], consolidation.MissingUnits);
        Assert.Equal("Sở A đã rà soát 12 thủ tục.", Assert.Single(consolidation.Sections[0].Contributions).Html.Replace("<p>", "").Replace("</p>", ""));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.OfficerA.GetAsync($"/api/v1/report-periods/{s.Period.Id}/consolidation", Ct)).StatusCode);

        var saved = await s.Coordinator.PutAsJsonAsync($"/api/v1/report-periods/{s.Period.Id}/consolidation", new
        {
            sections = new Dictionary<int, string> { [s.Template.Sections[0].Id] = "<p data-source-unit=\"A\">Toàn tỉnh đã rà soát 12 thủ tục.</p>" },
            reportSymbol = "125/BC-UBND", version = consolidation.Version,
        }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        var stale = await ConcurrentEdits.MessageAsync(s.Coordinator.PutAsJsonAsync($"/api/v1/report-periods/{s.Period.Id}/consolidation",
            new { sections = new Dictionary<int, string>(), version = consolidation.Version }, Ct));
        Assert.Contains("\n• Số, ký hiệu báo cáo của tỉnh: (trống) → «125/BC-UBND»\n", stale);
        Assert.Contains("\n• Mục «Kết quả thực hiện»: (trống) → «Toàn tỉnh đã rà soát 12 thủ tục.»\n", stale);
        var sheet = await s.Coordinator.GetAsync($"/api/v1/report-periods/{s.Period.Id}/indicators.xlsx", Ct);
        Assert.Equal(ReportSpreadsheets.ContentType, sheet.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ReportSpreadsheets.ContentType, (await s.Coordinator.GetAsync($"/api/v1/report-periods/{s.Period.Id}/completeness.xlsx", Ct)).Content.Headers.ContentType!.MediaType);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_draft_is_prefilled_from_task_progress_and_acceptance_completes_the_reporting_task(Provider provider)
    {
        var app = apps.For(provider);
        var issuer = await app.UnitAsync("UBND tỉnh thử báo cáo " + TestData.UniqueCode(), UnitKind.Province);
        var planId = await app.PlanAsync(issuer.Id);
        var lead = await app.UnitAsync("Sở có tiến độ " + TestData.UniqueCode());
        var work = await app.TaskAsync(planId, "Rà soát thủ tục hành chính", Schedule.Fixed(new DateOnly(2026, 12, 31)), [lead.Id]);
        var reporting = await app.TaskAsync(planId, "Báo cáo định kỳ trước ngày 05/12 hàng năm", Schedule.Yearly(5, 12, 2026), [lead.Id]);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, lead);
        var form = new MultipartFormDataContent
        {
            { new StringContent("Đã rà soát 40 thủ tục"), "text" }, { new StringContent("false"), "claimsCompletion" },
            { new StringContent("125/BC-SCT"), "evidenceNumber" }, { new StringContent("2026-11-20"), "evidenceDate" },
        };
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/v1/occurrences/{work[0].Id}/updates", form, Ct)).StatusCode);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var created = await coordinator.PostAsJsonAsync("/api/v1/report-templates", new
        {
            name = "Báo cáo kế hoạch thử", kind = "Periodic", frequency = "Yearly", dueDay = 5, dueMonth = 12, recipientUnitId = province.Id,
            obligedUnitIds = new[] { lead.Id }, planId, taskNodeId = reporting[0].Assignment!.NodeId,
            sections = new object[] { new { title = "Kết quả", nodeId = work[0].Assignment!.NodeId } },
        }, Ct);
        var template = (await created.Content.ReadFromJsonAsync<ReportEndpoints.TemplateDto>(Ct))!;
        var period = (await (await coordinator.PostAsJsonAsync($"/api/v1/report-templates/{template.Id}/periods", new { year = 2026 }, Ct))
            .Content.ReadFromJsonAsync<PeriodDto>(Ct))!;
        var id = (await officer.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{period.Id}/completeness", Ct))!.Rows.Single().ReportId;

        var filled = await OkAsync(officer.PostAsync($"/api/v1/reports/{id}/prefill", null, Ct));
        var (head, _, _) = await app.SignedInAsync(Roles.UnitHead, lead);
        await OkAsync(head.PostAsync($"/api/v1/reports/{id}/submit", null, Ct));
        await OkAsync(coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { accept = true }, Ct));

        Assert.Contains("Đã rà soát 40 thủ tục (văn bản số 125/BC-SCT ngày 20/11/2026)", filled.Texts[template.Sections[0].Id]);
        var task = await coordinator.GetFromJsonAsync<OccurrenceDetailDto>($"/api/v1/occurrences/{reporting[0].Id}", Ct);
        Assert.Equal((AssignmentStatusCode.CompletedOnTime, new DateOnly(2026, 11, 27)), (task!.Occurrence.Status, task.Occurrence.CompletedOn));
        Assert.Contains(task.Updates, u => u.Text.Contains("Báo cáo kỳ 2026", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_template_is_made_from_a_plan_in_one_step_and_a_period_opens_once(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var plan = (await (await coordinator.PostAsJsonAsync("/api/v1/plans", new { issuingUnitId = province.Id, title = "Kế hoạch có mục II", symbol = "77/KH-UBND" }, Ct))
            .Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
        async Task<NodeDto> Node(object node) => (await (await coordinator.PostAsJsonAsync($"/api/v1/plans/{plan}/nodes", node, Ct)).Content.ReadFromJsonAsync<NodeDto>(Ct))!;
        await Node(new { label = "I", heading = "MỤC ĐÍCH, YÊU CẦU", text = "", isTask = false });
        var ii = await Node(new { label = "II", heading = "NHIỆM VỤ, GIẢI PHÁP", text = "", isTask = false });
        await Node(new { parentId = ii.Id, label = "1", text = "Cải cách thể chế.", isTask = true, schedule = new { kind = "Continuous", firstYear = 2026 }, leadUnitIds = new[] { province.Id } });
        await Node(new { parentId = ii.Id, label = "2", text = "Cải cách thủ tục hành chính", isTask = false });

        var created = await coordinator.PostAsJsonAsync("/api/v1/report-templates/from-plan", new { planId = plan, recipientUnitId = province.Id }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var template = (await created.Content.ReadFromJsonAsync<ReportEndpoints.TemplateDto>(Ct))!;

        Assert.Equal("Báo cáo kết quả thực hiện Kế hoạch số 77/KH-UBND", template.Name);
        Assert.Equal(["Kết quả thực hiện nhiệm vụ II.1: Cải cách thể chế", "Kết quả thực hiện nhiệm vụ II.2: Cải cách thủ tục hành chính",
            "Tồn tại, hạn chế", "Nguyên nhân", "Phương hướng, nhiệm vụ", "Đề xuất, kiến nghị"], template.Sections.Select(x => x.Title));
        Assert.Equal([province.Id], template.ObligedUnitIds);
        Assert.Equal((5, 12), (template.DueDay, template.DueMonth));
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/v1/report-templates/{template.Id}/periods", new { year = 2025 }, Ct)).StatusCode);
        Assert.Contains("đã được mở", await RefusalAsync(coordinator.PostAsJsonAsync($"/api/v1/report-templates/{template.Id}/periods", new { year = 2025 }, Ct)));
        var periods = await coordinator.GetFromJsonAsync<List<PeriodDto>>("/api/v1/report-periods", Ct);
        var p = periods!.Single(x => x.TemplateId == template.Id);
        Assert.Equal(("2025", new DateOnly(2025, 12, 5), 1), (p.Label, p.DueDate, p.Units));
    }
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Input_longer_or_larger_than_the_database_keeps_is_refused_in_Vietnamese(Provider provider)
    {
        var app = apps.For(provider);
        var s = await SetUpAsync(app);
        var id = await ReportIdAsync(s, s.A);
        var template = new
        {
            name = new string('B', 501), kind = "Periodic", frequency = "Yearly", dueDay = 5, dueMonth = 12, recipientUnitId = s.A.Id,
            obligedUnitIds = new[] { s.A.Id }, sections = new object[] { new { title = "Kết quả" } },
            indicators = new object[] { new { code = "KP", name = "Kinh phí", type = "Decimal", aggregation = "Sum", max = 1e20m } },
        };

        Assert.Contains("Tên báo cáo dài tối đa 500 ký tự", await RefusalAsync(s.Coordinator.PostAsJsonAsync("/api/v1/report-templates", template, Ct)));
        Assert.Contains("tối đa 14 chữ số", await RefusalAsync(s.Coordinator.PostAsJsonAsync("/api/v1/report-templates", template with { name = "Báo cáo kinh phí" }, Ct)));
        Assert.Contains("Tên kỳ báo cáo dài tối đa 60 ký tự", await RefusalAsync(s.Coordinator.PostAsJsonAsync($"/api/v1/report-templates/{s.Template.Id}/periods",
            new { label = new string('K', 61), dataFrom = "2026-01-01", dataTo = "2026-06-30", dueDate = "2026-07-05" }, Ct)));
        Assert.Contains("dài tối đa 200.000 ký tự", await RefusalAsync(DraftAsync(s.OfficerA, id, s, "<p>" + new string('x', 200_001) + "</p>", 12)));
        Assert.Contains("dài tối đa 200.000 ký tự", await RefusalAsync(s.Coordinator.PutAsJsonAsync($"/api/v1/report-periods/{s.Period.Id}/consolidation",
            new { sections = new Dictionary<int, string> { [s.Template.Sections[0].Id] = new string('x', 200_001) } }, Ct)));
        var blank = await OkAsync(s.OfficerA.PutAsJsonAsync($"/api/v1/reports/{id}",
            new { values = new Dictionary<int, IndicatorValue?> { [s.Template.Indicators[0].Id] = null } }, Ct));
        Assert.Null(blank.Values[s.Template.Indicators[0].Id].Value);
    }

    /// <summary>Unit A's report as its officer drafted it, and another officer of A: the one who saves first.</summary>
    private static async Task<(Setup S, int Id, HttpClient First)> DraftedAsync(DonDocApp app)
    {
        var s = await SetUpAsync(app);
        var id = await ReportIdAsync(s, s.A);
        var first = (await app.SignedInAsync(Roles.UnitOfficer, s.A, ConcurrentEdits.FirstEditor)).Client;
        await OkAsync(DraftAsync(s.OfficerA, id, s, "<p>Đã rà soát 5 thủ tục.</p>", 5));
        return (s, id, first);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_edit_the_same_report_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        var app = apps.For(provider);
        var (s, id, first) = await DraftedAsync(app);
        var opened = (await s.OfficerA.GetFromJsonAsync<ReportDetail>($"/api/v1/reports/{id}", Ct))!.Version;

        await OkAsync(DraftAsync(first, id, s, "<p>Đã rà soát <strong>12</strong> thủ tục.</p>", 12, version: opened));
        var message = await ConcurrentEdits.RefusedAsync(DraftAsync(s.OfficerA, id, s, "<p>Đã rà soát 10 thủ tục.</p>", 10, version: opened), "Báo cáo");

        Assert.Contains("\n• Mục «Kết quả thực hiện»: «Đã rà soát 5 thủ tục.» → «Đã rà soát 12 thủ tục.»\n", message);
        Assert.Contains("\n• Chỉ tiêu «Số thủ tục hành chính được đơn giản hóa»: 5 → 12\n", message);
        var stored = await s.OfficerA.GetFromJsonAsync<ReportDetail>($"/api/v1/reports/{id}", Ct);
        Assert.Equal("<p>Đã rà soát <strong>12</strong> thủ tục.</p>", stored!.Texts[s.Template.Sections[0].Id]);
        Assert.Equal(12, stored.Values[s.Template.Indicators[0].Id].Value);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_save_racing_another_past_the_version_check_is_refused_by_the_update_itself(Provider provider)
    {
        var app = apps.For(provider);
        var (s, id, first) = await DraftedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var late = await db.UnitReports.Include(r => r.Sections).SingleAsync(r => r.Id == id, Ct);

        await OkAsync(DraftAsync(first, id, s, "<p>Đã rà soát 12 thủ tục.</p>", 12));
        // Only a part of the report changes: the report's own row must still carry the version check.
        late.Sections.Single().Html = "<p>Đã rà soát 10 thủ tục.</p>";
        var result = await ConcurrentChanges.SaveAsync(db, "Báo cáo", late, () => db.SaveChangesAsync(Ct), Ct);

        Assert.StartsWith($"Báo cáo đã được {ConcurrentEdits.FirstEditor} sửa lúc 09:00 ngày 27/11/2026 sau khi bạn mở:\n", result.Message);
        Assert.Contains("\n• Mục «Kết quả thực hiện»: «Đã rà soát 5 thủ tục.» → «Đã rà soát 12 thủ tục.»\n", result.Message);
        var stored = await s.OfficerA.GetFromJsonAsync<ReportDetail>($"/api/v1/reports/{id}", Ct);
        Assert.Equal("<p>Đã rà soát 12 thủ tục.</p>", stored!.Texts[s.Template.Sections[0].Id]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_edit_the_same_template_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        var app = apps.For(provider);
        var s = await SetUpAsync(app);
        var first = (await app.SignedInAsync(Roles.Coordinator, fullName: ConcurrentEdits.FirstEditor)).Client;
        var t = (await s.Coordinator.GetFromJsonAsync<ReportEndpoints.TemplateDto>($"/api/v1/report-templates/{s.Template.Id}", Ct))!;
        var input = new TemplateInput(t.Name, t.Kind, t.Frequency, t.DueDay, t.DueMonth, t.RecipientUnitId, t.ObligedUnitIds,
            [.. t.Sections.Select(x => new SectionInput(x.Title, x.Guidance, x.NodeId))],
            [.. t.Indicators.Select(i => new IndicatorInput(i.Code, i.Name, i.Measure, i.Type, i.Aggregation, i.Min, i.Max, i.Required))],
            t.ObligedGroup, t.PlanId, t.TaskNodeId, t.CutOff);

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync($"/api/v1/report-templates/{t.Id}?version={t.Version}",
            input with { Name = "Báo cáo cải cách hành chính năm", ObligedUnitIds = [s.A.Id] }, Ct));
        var message = await ConcurrentEdits.RefusedAsync(s.Coordinator.PutAsJsonAsync($"/api/v1/report-templates/{t.Id}?version={t.Version}",
            input with { DueDay = 10 }, Ct), "Mẫu báo cáo");

        Assert.Contains($"\n• Tên báo cáo: «{t.Name}» → «Báo cáo cải cách hành chính năm»\n", message);
        Assert.Contains($"\n• Đơn vị phải báo cáo: bỏ {s.B.Name}\n", message);
        var stored = await s.Coordinator.GetFromJsonAsync<ReportEndpoints.TemplateDto>($"/api/v1/report-templates/{t.Id}", Ct);
        Assert.Equal(("Báo cáo cải cách hành chính năm", 5), (stored!.Name, stored.DueDay));
        Assert.Equal([s.A.Id], stored.ObligedUnitIds);
    }
}
