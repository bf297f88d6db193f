using DonDoc.Features.Dashboard;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Tasks;

namespace DonDoc.Tests.Features.Dashboard;

public sealed class DashboardLinkTests
{
    [Fact]
    public void A_dashboard_link_carries_its_plan_span_unit_group_and_extension_filter_through_the_URL()
    {
        var filter = DashboardFilter.Year(2025, planId: 3).Tasks(AssignmentStatusCode.CompletedOnTime, unitId: 12, extended: false, section: "II.6");

        var url = TaskListUrl.List(filter);

        Assert.Equal("/nhiem-vu?plan=3&unit=12&status=CompletedOnTime&dueFrom=2025-01-01&dueTo=2025-12-31&section=II.6&extended=false", url);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + url).Query);
        Assert.Equal(filter, TaskListUrl.Parse(query["plan"], query["unit"], query["status"], query["dueFrom"], query["dueTo"], query["overdue"],
            query["dueSoon"], query["q"], query["page"], query["pageSize"], query["section"], query["extended"]));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("maybe", null)]
    [InlineData(null, null)]
    public void The_extension_filter_reads_leniently(string? value, bool? expected) =>
        Assert.Equal(expected, TaskListUrl.Parse(null, null, null, null, null, null, null, null, null, null, extended: value).Extended);

    [Fact]
    public void Without_a_span_the_overview_keeps_standing_duties_and_its_links_carry_no_dates()
    {
        var filter = new DashboardFilter(PlanId: 5);
        Assert.False(filter.HasSpan);
        Assert.Equal("/nhiem-vu?plan=5&status=NotReported", TaskListUrl.List(filter.Tasks(AssignmentStatusCode.NotReported)));
    }
}
