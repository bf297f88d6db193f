using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Tasks;

namespace DonDoc.Tests.Features.Tasks;

public sealed class TaskListUrlTests
{
    [Fact]
    public void Every_filter_survives_the_trip_through_the_URL()
    {
        var filter = new TaskFilter(PlanId: 7, UnitId: 42, Status: AssignmentStatusCode.InProgressOverdue, DueFrom: new DateOnly(2026, 1, 1),
            DueTo: new DateOnly(2026, 12, 31), OverdueOnly: true, DueSoonOnly: true, Text: "cải cách & số hóa", Page: 3, PageSize: 50);

        var url = TaskListUrl.List(filter);

        Assert.Equal("/nhiem-vu?plan=7&unit=42&status=InProgressOverdue&dueFrom=2026-01-01&dueTo=2026-12-31&overdue=true&dueSoon=true"
            + "&q=c%E1%BA%A3i%20c%C3%A1ch%20%26%20s%E1%BB%91%20h%C3%B3a&page=3&pageSize=50", url);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + url).Query);
        Assert.Equal(filter, TaskListUrl.Parse(query["plan"], query["unit"], query["status"], query["dueFrom"], query["dueTo"],
            query["overdue"], query["dueSoon"], query["q"], query["page"], query["pageSize"]));
    }

    [Fact]
    public void The_export_link_carries_the_filters_but_not_the_page()
    {
        var url = TaskListUrl.Export(new TaskFilter(PlanId: 7, Status: AssignmentStatusCode.CompletedLate, Page: 4));

        Assert.Equal("/api/v1/tasks/export.xlsx?plan=7&status=CompletedLate", url);
    }

    [Fact]
    public void An_edited_or_truncated_link_opens_the_list_with_what_still_makes_sense()
    {
        var filter = TaskListUrl.Parse("abc", "-3", "Overdue", "2026-13-45", "31/12/2026", "yes", "1", "  ", "0", "100000");

        Assert.Equal(new TaskFilter(DueTo: new DateOnly(2026, 12, 31), DueSoonOnly: true), filter);
        Assert.Equal("/nhiem-vu", TaskListUrl.List(new TaskFilter()));
    }
}
