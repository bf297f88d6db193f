using DonDoc.Data;
using DonDoc.Features.Dashboard;
using DonDoc.Features.Plans;
using DonDoc.Security;
using DonDoc.Tests.Features.Plans;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Dashboard;

public sealed class HeatmapTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_plan_that_numbers_two_items_alike_still_has_its_heatmap(Provider provider)
    {
        var app = apps.For(provider);
        var plan = await SamplePlan.CreateAsync(app);

        var heatmap = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            // As an imported document can: "1." under I and under II both end up as the same path.
            await db.PlanNodes.Where(n => n.PlanId == plan.Id && n.Path == "I.1")
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Path, "II.1"), TestContext.Current.CancellationToken);
            return await DashboardQueries.HeatmapAsync(db, UnitScope.Everything, new DashboardFilter(plan.Id),
                sp.GetRequiredService<TaskTracking>().Today(), TestContext.Current.CancellationToken);
        });

        Assert.Single(heatmap.Groups, g => g.Path == "II.1");
        Assert.NotEmpty(heatmap.Rows);
    }
}
