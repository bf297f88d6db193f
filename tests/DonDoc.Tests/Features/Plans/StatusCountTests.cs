using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Plans;

public sealed class StatusCountTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Statuses_are_counted_in_the_database_and_shown_on_the_overview(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var unit = await app.UnitAsync("Sở Đếm trạng thái");
        var plan = await coordinator.PostAsJsonAsync("/api/v1/plans", new { issuingUnitId = province.Id, title = "Kế hoạch đếm" }, Ct);
        var planId = (await plan.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
        // Yearly from 2024 on 05/12: 2024 and 2025 overdue, 2026 within term (today is 27/11/2026); a standing duty not yet reported.
        await coordinator.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", new
        {
            label = "1", text = "Báo cáo năm", isTask = true, schedule = new { kind = "Yearly", day = 5, month = 12, firstYear = 2024 }, leadUnitIds = new[] { unit.Id },
        }, Ct);
        await coordinator.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", new
        {
            label = "2", text = "Thường xuyên rà soát", isTask = true, schedule = new { kind = "Continuous", firstYear = 2026 }, leadUnitIds = new[] { unit.Id },
        }, Ct);

        var counts = await app.WithScopeAsync(sp => TaskList.CountByStatusAsync(
            sp.GetRequiredService<DonDoc.Data.DonDocDbContext>(), UnitScope.Everything, new DateOnly(2026, 11, 27), planId, Ct));

        Assert.Equal(2, counts[AssignmentStatusCode.InProgressOverdue]);
        Assert.Equal(1, counts[AssignmentStatusCode.InProgressOnTime]);
        Assert.Equal(1, counts[AssignmentStatusCode.NotReported]);
        Assert.Equal(0, counts[AssignmentStatusCode.CompletedOnTime]);

        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, unit);
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync("/tong-quan", Ct));
        Assert.Contains("Tình hình thực hiện nhiệm vụ", html);
        Assert.Contains("Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn: <b id=\"stat-completion\">0,00%</b>", html);
        Assert.Contains("/nhiem-vu?status=InProgressOverdue", html);
    }
}
