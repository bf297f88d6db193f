using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Plans;

public sealed class TaskWorkflowTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int PlanId, int NodeId)> PlanWithTaskAsync(HttpClient coordinator, int issuerId, int leadId, object schedule)
    {
        var plan = await coordinator.PostAsJsonAsync("/api/v1/plans", new { issuingUnitId = issuerId, title = "Kế hoạch thử nghiệm", status = "Issued" }, Ct);
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var planId = (await plan.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
        var section = await coordinator.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", new { label = "III", heading = "TỔ CHỨC THỰC HIỆN", text = "", isTask = false }, Ct);
        var sectionId = (await section.Content.ReadFromJsonAsync<NodeDto>(Ct))!.Id;
        var task = await coordinator.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", new
        {
            parentId = sectionId, label = "1.", text = "Báo cáo tình hình, kết quả thực hiện.", isTask = true,
            expectedOutput = "Báo cáo", schedule, leadUnitIds = new[] { leadId },
        }, Ct);
        Assert.True(task.StatusCode == HttpStatusCode.Created, await task.Content.ReadAsStringAsync(Ct));
        return (planId, (await task.Content.ReadFromJsonAsync<NodeDto>(Ct))!.Id);
    }

    private static MultipartFormDataContent Progress(string text, bool complete = false, string? evidence = null, string? evidenceDate = null,
        string? completedOn = null, (string Name, byte[] Bytes)? file = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" }, { new StringContent(complete ? "true" : "false"), "claimsCompletion" } };
        if (evidence is not null) form.Add(new StringContent(evidence), "evidenceNumber");
        if (evidenceDate is not null) form.Add(new StringContent(evidenceDate), "evidenceDate");
        if (completedOn is not null) form.Add(new StringContent(completedOn), "completedOn");
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "files", f.Name);
        return form;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_yearly_task_yields_one_occurrence_per_year_and_the_unit_reports_completion_with_evidence(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync("Sở Thử nghiệm A");
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unit);
        var (planId, _) = await PlanWithTaskAsync(coordinator, province.Id, unit.Id, new { kind = "Yearly", day = 5, month = 12, firstYear = 2024 });

        var tasks = await coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{planId}/tasks", Ct);
        var task = Assert.Single(tasks!);
        Assert.Equal("III.1", task.Path);
        var assignment = Assert.Single(task.Assignments);
        Assert.Equal("Sở Thử nghiệm A", assignment.LeadUnit.Name);
        Assert.Equal(["2024", "2025", "2026"], assignment.Occurrences.Select(o => o.Period));
        Assert.All(assignment.Occurrences, o => Assert.Equal((12, 5), (o.DueDate!.Value.Month, o.DueDate.Value.Day)));
        // The clock stands at 27/11/2026: 2024 and 2025 are overdue, 2026 is within its term, 8 days before the deadline.
        Assert.Equal([AssignmentStatusCode.InProgressOverdue, AssignmentStatusCode.InProgressOverdue, AssignmentStatusCode.InProgressOnTime],
            assignment.Occurrences.Select(o => o.Status));
        Assert.False(assignment.Occurrences[2].DueSoon);

        var current = assignment.Occurrences[2].Id;
        var noEvidence = await officer.PostAsync($"/api/v1/occurrences/{current}/updates", Progress("Đã xong.", complete: true), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("Báo hoàn thành cần minh chứng", await noEvidence.Content.ReadAsStringAsync(Ct));

        var withFile = await officer.PostAsync($"/api/v1/occurrences/{current}/updates",
            Progress("Đã ban hành báo cáo.", complete: true, completedOn: "2026-11-26", file: ("bao-cao.pdf", "%PDF-1.4 báo cáo"u8.ToArray())), Ct);
        Assert.True(withFile.StatusCode == HttpStatusCode.Created, await withFile.Content.ReadAsStringAsync(Ct));
        var update = await withFile.Content.ReadFromJsonAsync<UpdateDto>(Ct);

        var accepted = await coordinator.PostAsJsonAsync($"/api/v1/updates/{update!.Id}/review", new { accept = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var detail = await officer.GetFromJsonAsync<OccurrenceDetailDto>($"/api/v1/occurrences/{current}", Ct);
        Assert.Equal(AssignmentStatusCode.CompletedOnTime, detail!.Occurrence.Status);
        Assert.Equal(new DateOnly(2026, 11, 26), detail.Occurrence.CompletedOn);
        var file = Assert.Single(Assert.Single(detail.Updates).Files);
        Assert.Equal("application/pdf", file.ContentType);
        var download = await officer.GetAsync($"/api/v1/files/{file.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("bao-cao.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_returned_completion_reopens_the_task_and_another_units_officer_cannot_see_it(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync("Sở Thử nghiệm B");
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unit);
        var (stranger, _, _) = await app.SignedInAsync(Roles.UnitOfficer);
        var (planId, _) = await PlanWithTaskAsync(coordinator, province.Id, unit.Id, new { kind = "Fixed", dueDate = "2026-12-31" });
        var occurrenceId = (await coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{planId}/tasks", Ct))![0].Assignments[0].Occurrences[0].Id;

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/occurrences/{occurrenceId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/occurrences/{occurrenceId}/updates", Progress("Không phải việc của tôi"), Ct)).StatusCode);
        var strangerList = await stranger.GetFromJsonAsync<TaskPage>($"/api/v1/tasks?plan={planId}", Ct);
        Assert.Equal(0, strangerList!.Total);

        var posted = await officer.PostAsync($"/api/v1/occurrences/{occurrenceId}/updates",
            Progress("Hoàn thành đề án.", complete: true, evidence: "12/ĐA-STN", evidenceDate: "2026-11-20"), Ct);
        var updateId = (await posted.Content.ReadFromJsonAsync<UpdateDto>(Ct))!.Id;
        var noReason = await coordinator.PostAsJsonAsync($"/api/v1/updates/{updateId}/review", new { accept = false }, Ct);
        Assert.Contains("Cần nêu lý do trả lại.", await noReason.Content.ReadAsStringAsync(Ct));
        var returned = await coordinator.PostAsJsonAsync($"/api/v1/updates/{updateId}/review", new { accept = false, note = "Thiếu phụ lục số liệu." }, Ct);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var detail = await officer.GetFromJsonAsync<OccurrenceDetailDto>($"/api/v1/occurrences/{occurrenceId}", Ct);
        Assert.Equal(OccurrenceState.Open, detail!.Occurrence.State);
        Assert.Equal(UpdateReview.Returned, detail.Updates[0].Review);
        Assert.Equal("Thiếu phụ lục số liệu.", detail.Updates[0].ReviewNote);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Status_follows_the_clock_and_an_approved_extension_moves_the_deadline(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync("Sở Thử nghiệm C");
        var (officer, officerUser, _) = await app.SignedInAsync(Roles.UnitOfficer, unit);
        var (planId, _) = await PlanWithTaskAsync(coordinator, province.Id, unit.Id, new { kind = "Fixed", dueDate = "2026-11-30" });
        var occurrenceId = (await coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{planId}/tasks", Ct))![0].Assignments[0].Occurrences[0].Id;

        var requested = await officer.PostAsJsonAsync($"/api/v1/occurrences/{occurrenceId}/extensions",
            new { proposedDueDate = "2026-12-15", reason = "Chờ số liệu của các phòng." }, Ct);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var requestId = (await requested.Content.ReadFromJsonAsync<ExtensionDto>(Ct))!.Id;
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/v1/extensions/{requestId}/decision", new { approve = true }, Ct)).StatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero));
        // Sessions last 8 hours, so after days have passed the officer signs in again.
        officer = app.NewClient();
        await officer.LoginAsync(officerUser.UserName!, TestData.Password);
        var detail = await officer.GetFromJsonAsync<OccurrenceDetailDto>($"/api/v1/occurrences/{occurrenceId}", Ct);
        Assert.Equal(AssignmentStatusCode.InProgressOnTime, detail!.Occurrence.Status);
        Assert.True(detail.Occurrence.DueSoon);
        Assert.Equal(new DateOnly(2026, 12, 15), detail.Occurrence.DueDate);
        Assert.Equal(new DateOnly(2026, 11, 30), detail.Occurrence.OriginalDueDate);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 3, 0, 0, TimeSpan.Zero));
        officer = app.NewClient();
        await officer.LoginAsync(officerUser.UserName!, TestData.Password);
        detail = await officer.GetFromJsonAsync<OccurrenceDetailDto>($"/api/v1/occurrences/{occurrenceId}", Ct);
        Assert.Equal(AssignmentStatusCode.InProgressOverdue, detail!.Occurrence.Status);
        Assert.Equal(1, detail.Occurrence.DaysLate);
        var overdue = await officer.GetFromJsonAsync<TaskPage>($"/api/v1/tasks?plan={planId}&overdue=true", Ct);
        Assert.Equal(1, overdue!.Total);
    }
}
