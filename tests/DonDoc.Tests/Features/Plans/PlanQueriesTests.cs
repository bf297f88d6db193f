using DonDoc.Features.Plans.Rules;
using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Plans;

public sealed class PlanQueriesTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static Task<T> QueryAsync<T>(DonDocApp app, Func<DonDocDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<DonDocDbContext>()));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_list_counts_each_plans_periods_by_status_within_the_persons_scope(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);

        var all = await QueryAsync(app, db => PlanQueries.PageAsync(db, UnitScope.Everything, plan.Symbol, null, 0, 25, new StatusDay(Today), Ct));
        var item = Assert.Single(all.Items);
        Assert.Equal(1, all.Total);
        Assert.Equal(plan.Id, item.Plan.Id);
        Assert.Equal(4, item.Plan.TaskCount);
        // II.1.a late; II.1.b late for 2025 and within term for 2026, for both units; the bullet due in three days.
        Assert.Equal((0, 0, 3, 3), (item.Progress.Rates.CompletedOnTime, item.Progress.Rates.CompletedLate, item.Progress.Rates.InProgressOnTime, item.Progress.Rates.InProgressOverdue));
        Assert.Equal(1, item.Progress.DueSoon);
        Assert.Equal(2, item.Progress.Continuous);

        var unitB = await QueryAsync(app, db => PlanQueries.PageAsync(db, new UnitScope(false, plan.UnitB.Path), plan.Symbol, null, 0, 25, new StatusDay(Today), Ct));
        var rates = Assert.Single(unitB.Items).Progress.Rates;
        Assert.Equal((2, 1), (rates.InProgressOnTime, rates.InProgressOverdue));

        var drafts = await QueryAsync(app, db => PlanQueries.PageAsync(db, UnitScope.Everything, plan.Symbol, PlanStatus.Draft, 0, 25, new StatusDay(Today), Ct));
        Assert.Equal(0, drafts.Total);
        var byTitle = await QueryAsync(app, db => PlanQueries.PageAsync(db, UnitScope.Everything, "cải cách hành chính " + plan.Symbol.Split('/')[0].ToLowerInvariant(), null, 0, 25, new StatusDay(Today), Ct));
        Assert.Equal(plan.Id, Assert.Single(byTitle.Items).Plan.Id);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_accepted_late_completion_counts_as_completed_late(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, plan.UnitA);
        var tasks = await plan.Coordinator.GetFromJsonAsync<List<PlanTaskDto>>($"/api/v1/plans/{plan.Id}/tasks", Ct);
        var occurrenceId = tasks!.Single(t => t.NodeId == plan.Nodes["II.1.a"]).Assignments[0].Occurrences[0].Id;
        var form = new MultipartFormDataContent
        {
            { new StringContent("Đã rà soát xong."), "text" }, { new StringContent("true"), "claimsCompletion" },
            { new StringContent("15/BC-STN"), "evidenceNumber" }, { new StringContent("2026-11-20"), "evidenceDate" },
            { new StringContent("2026-11-20"), "completedOn" },
        };
        var posted = await officer.PostAsync($"/api/v1/occurrences/{occurrenceId}/updates", form, Ct);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync(Ct));
        var updateId = (await posted.Content.ReadFromJsonAsync<UpdateDto>(Ct))!.Id;
        Assert.Equal(HttpStatusCode.OK, (await plan.Coordinator.PostAsJsonAsync($"/api/v1/updates/{updateId}/review", new { accept = true }, Ct)).StatusCode);

        var progress = await QueryAsync(app, db => PlanQueries.ProgressAsync(db, UnitScope.Everything, [plan.Id], new StatusDay(Today), Ct));

        var rates = progress[plan.Id].Rates;
        Assert.Equal((0, 1, 3, 2), (rates.CompletedOnTime, rates.CompletedLate, rates.InProgressOnTime, rates.InProgressOverdue));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_units_plan_knows_its_parent_task_and_the_province_plan_lists_it(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);
        var (head, _, _) = await app.SignedInAsync(Roles.UnitHead, plan.UnitB);
        var created = await head.PostAsJsonAsync("/api/v1/plans", new
        {
            issuingUnitId = plan.UnitB.Id, title = "Kế hoạch tuyên truyền của Sở Thử nghiệm B", parentNodeId = plan.Nodes["II.1.đ"],
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var unitPlanId = (await created.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;

        var subPlans = await QueryAsync(app, db => PlanQueries.SubPlansAsync(db, plan.Id, Ct));
        var sub = Assert.Single(subPlans);
        Assert.Equal((unitPlanId, plan.Nodes["II.1.đ"], plan.UnitB.Name, PlanStatus.Draft), (sub.Id, sub.ParentNodeId, sub.IssuingUnitName, sub.Status));

        var parent = await QueryAsync(app, db => PlanQueries.ParentOfAsync(db, unitPlanId, Ct));
        Assert.Equal(new ParentRefDto(plan.Id, plan.Symbol, plan.Title, plan.Nodes["II.1.đ"], "II.1.đ"), parent);
        Assert.Null(await QueryAsync(app, db => PlanQueries.ParentOfAsync(db, plan.Id, Ct)));

        var listed = await QueryAsync(app, db => PlanQueries.PageAsync(db, UnitScope.Everything, "tuyên truyền của Sở Thử nghiệm B", null, 0, 200, new StatusDay(Today), Ct));
        var row = Assert.Single(listed.Items, i => i.Plan.Id == unitPlanId);
        Assert.Equal(new PlanRef(plan.Id, plan.Symbol, plan.Title), row.Parent);
        Assert.Equal(PlanProgress.None, row.Progress);
    }

    [Fact]
    public void Paths_sort_as_the_document_numbers_them_even_with_labels_too_long_for_a_number()
    {
        string[] paths = ["II.10", "XXI", "II.9", "II.9.đ", "II.9.d", "II.9.e", "II.99999999999999999999", "II.100000000000", "IX", "II.9.d.-10", "II.9.d.-2"];

        var sorted = paths.OrderBy(PlanQueries.PathKey, StringComparer.Ordinal).ToList();

        Assert.Equal(["II.9", "II.9.d", "II.9.d.-2", "II.9.d.-10", "II.9.đ", "II.9.e", "II.10", "II.100000000000", "II.99999999999999999999", "IX", "XXI"], sorted);
    }
}
