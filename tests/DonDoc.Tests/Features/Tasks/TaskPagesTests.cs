using System.Net;
using Bunit;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Tasks;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Tasks;

public sealed class TaskPagesTests(Apps apps)
{
    [Fact]
    public async Task A_shared_list_link_opens_with_its_filters_a_coordinator_sees_only_that_plans_overdue_tasks()
    {
        var app = apps.For(Provider.Sqlite);
        var province = await app.UnitAsync("UBND thử nghiệm", DonDoc.Features.Units.UnitKind.Province);
        var unit = await app.UnitAsync("Sở Thử nghiệm Danh sách");
        var plan = await app.PlanAsync(province.Id, "88/KH-LOC");
        var otherPlan = await app.PlanAsync(province.Id, "99/KH-KHAC");
        var late = await app.TaskAsync(plan, "Báo cáo hằng năm", Schedule.Yearly(5, 6, 2025), [unit.Id]);
        await app.OneOffAsync(plan, "Việc còn trong hạn", new DateOnly(2027, 3, 1), unit.Id);
        var lateButDone = await app.OneOffAsync(plan, "Việc xong muộn", new DateOnly(2026, 10, 1), unit.Id);
        await app.SetStateAsync(lateButDone.Id, OccurrenceState.Completed, new DateOnly(2026, 10, 5));
        await app.OneOffAsync(otherPlan, "Việc quá hạn của kế hoạch khác", new DateOnly(2026, 9, 1), unit.Id);
        var coordinator = await app.UserAsync(Roles.Coordinator, province.Id);
        await using var pages = await PageContext.ForAsync(app, coordinator);

        var cut = pages.Open<TasksPage>($"/nhiem-vu?status=InProgressOverdue&plan={plan}");

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("tr.task-row");
            // The yearly task's 2025 and 2026 periods are both past their 05/06 deadline; 2027 has not begun.
            Assert.Equal(["2025", "2026"], rows.Select(r => r.QuerySelector(".task-period")!.TextContent));
            Assert.Equal(late.Take(2).Select(o => $"/nhiem-vu/{o.Id}"), rows.Select(r => r.QuerySelector(".task-path")!.GetAttribute("href")));
            Assert.All(rows, r => Assert.Equal("88/KH-LOC", r.QuerySelector(".task-plan")!.TextContent));
            Assert.All(rows, r => Assert.Equal(nameof(AssignmentStatusCode.InProgressOverdue), r.QuerySelector("[data-status]")!.GetAttribute("data-status")));
        });
        Assert.Contains("Chưa hoàn thành, quá hạn", WebUtility.HtmlDecode(cut.Find(".filter-status").TextContent));
        Assert.Equal($"/api/v1/tasks/export.xlsx?plan={plan}&status=InProgressOverdue", cut.Find(".export-button").GetAttribute("href"));
    }

    [Fact]
    public async Task A_unit_officer_opening_another_units_task_is_told_it_is_not_found()
    {
        var app = apps.For(Provider.Sqlite);
        var province = await app.UnitAsync("UBND thử nghiệm", DonDoc.Features.Units.UnitKind.Province);
        var owner = await app.UnitAsync("Sở Thử nghiệm Chủ trì");
        var stranger = await app.UnitAsync("Sở Thử nghiệm Ngoài cuộc");
        var plan = await app.PlanAsync(province.Id);
        var task = await app.OneOffAsync(plan, "Việc riêng của sở chủ trì", new DateOnly(2026, 12, 31), owner.Id);
        var officer = await app.UserAsync(Roles.UnitOfficer, stranger.Id);
        await using var pages = await PageContext.ForAsync(app, officer);

        var cut = pages.Open<TaskDetailPage>($"/nhiem-vu/{task.Id}", p => p.Add(x => x.Id, task.Id));

        cut.WaitForAssertion(() => Assert.Equal("Không tìm thấy nhiệm vụ", cut.Find("h1").TextContent));
        Assert.DoesNotContain("Việc riêng của sở chủ trì", cut.Markup);
    }

    [Fact]
    public async Task The_lead_units_officer_sees_the_report_form_and_a_leaders_message_marked_as_a_direction()
    {
        var app = apps.For(Provider.Sqlite);
        var province = await app.UnitAsync("UBND thử nghiệm", DonDoc.Features.Units.UnitKind.Province);
        var unit = await app.UnitAsync("Sở Thử nghiệm Chỉ đạo");
        var plan = await app.PlanAsync(province.Id);
        var task = await app.OneOffAsync(plan, "Việc có ý kiến chỉ đạo", new DateOnly(2026, 12, 31), unit.Id);
        var leader = await app.PrincipalAsync(await app.UserAsync(Roles.Leader, province.Id));
        var coordinator = await app.PrincipalAsync(await app.UserAsync(Roles.Coordinator, province.Id));
        await app.WithScopeAsync(async sp =>
        {
            var comments = sp.GetRequiredService<Comments>();
            Assert.True((await comments.PostAsync(leader, task.Assignment!.NodeId, "Khẩn trương hoàn thành trước 20/12.", Xunit.TestContext.Current.CancellationToken)).Ok);
            Assert.True((await comments.PostAsync(coordinator, task.Assignment.NodeId, "Đề nghị sở báo cáo tiến độ.", Xunit.TestContext.Current.CancellationToken)).Ok);
            return 0;
        });
        await using var pages = await PageContext.ForAsync(app, await app.UserAsync(Roles.UnitOfficer, unit.Id));

        var cut = pages.Open<TaskDetailPage>($"/nhiem-vu/{task.Id}", p => p.Add(x => x.Id, task.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("li.comment").Count));
        var direction = cut.Find("li.comment.direction");
        Assert.Contains("Ý kiến chỉ đạo", direction.TextContent);
        Assert.Contains("Khẩn trương hoàn thành trước 20/12.", direction.TextContent);
        Assert.Single(cut.FindAll("li.comment.direction"));
        Assert.NotEmpty(cut.FindAll(".progress-form .progress-complete"));
        Assert.NotEmpty(cut.FindAll(".extension-request"));
        Assert.Empty(cut.FindAll(".accept-completion"));
    }
}
