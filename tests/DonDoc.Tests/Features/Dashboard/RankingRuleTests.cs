using DonDoc.Features.Dashboard;
using DonDoc.Features.Dashboard.Rules;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Tests.Features.Dashboard;

public sealed class RankingRuleTests
{
    private static UnitFigures Unit(string code, int onTime = 0, int late = 0, int overdue = 0, int reportsDue = 0, int reportsOnTime = 0) =>
        new(code.GetHashCode(StringComparison.Ordinal), code, "Đơn vị " + code, UnitKind.Department, onTime, late, overdue, reportsDue, reportsOnTime);

    private static string Order(params UnitFigures[] units) =>
        string.Join(" ", Ranking.Order(units).Select(r => $"{r.Figures.Code}:{r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));

    [Fact]
    public void A_higher_on_time_rate_ranks_first_whatever_the_volume()
    {
        // A: 9/10 = 90 %; B: 1/1 = 100 %; C: 3/4 = 75 %.
        Assert.Equal("B:1 A:2 C:3", Order(Unit("A", onTime: 9, late: 1), Unit("B", onTime: 1), Unit("C", onTime: 3, overdue: 1)));
    }

    [Fact]
    public void Equal_rates_are_equal_as_fractions_and_fewer_overdue_tasks_break_the_tie()
    {
        // A: 2/6, B: 1/3: both one third. A has 4 unfinished overdue tasks, B has 2, so B goes first.
        Assert.Equal("B:1 A:2", Order(Unit("A", onTime: 2, overdue: 4), Unit("B", onTime: 1, overdue: 2)));
    }

    [Fact]
    public void Then_report_punctuality_decides_and_a_unit_with_no_report_due_comes_after()
    {
        // All 1/2 on time with one overdue; reports: X 2/2, Y 1/2, Z none due.
        var x = Unit("X", onTime: 1, overdue: 1, reportsDue: 2, reportsOnTime: 2);
        var y = Unit("Y", onTime: 1, overdue: 1, reportsDue: 2, reportsOnTime: 1);
        var z = Unit("Z", onTime: 1, overdue: 1);
        Assert.Equal("X:1 Y:2 Z:3", Order(z, y, x));
    }

    [Fact]
    public void Units_equal_on_every_figure_are_ordered_by_code_and_never_share_a_place()
    {
        Assert.Equal("000.01:1 000.02:2 000.10:3", Order(Unit("000.10", onTime: 3), Unit("000.02", onTime: 5), Unit("000.01", onTime: 1)));
    }

    [Fact]
    public void A_unit_with_only_reports_due_ranks_after_those_with_tasks_due()
    {
        // R has no task due but sent its one report on time; T finished none of its two tasks on time.
        Assert.Equal("T:1 R:2", Order(Unit("R", reportsDue: 1, reportsOnTime: 1), Unit("T", late: 1, overdue: 1)));
    }

    [Fact]
    public void Units_with_nothing_due_are_listed_last_by_code_without_a_rank()
    {
        var ranked = Ranking.Order([Unit("B"), Unit("C", onTime: 1), Unit("A")]);
        Assert.Equal("C:1 A:- B:-", string.Join(" ", ranked.Select(r => $"{r.Figures.Code}:{r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")));
        Assert.Null(ranked[1].Figures.Tasks.OnTimeRate);
        Assert.Null(ranked[1].Figures.ReportRate);
    }

    [Fact]
    public void Nothing_to_rank_gives_an_empty_ranking() => Assert.Empty(Ranking.Order([]));

    [Fact]
    public void The_rates_shown_are_the_shares_the_order_uses()
    {
        var row = RankingRow.From(Ranking.Order([Unit("A", onTime: 7, late: 1, overdue: 0, reportsDue: 4, reportsOnTime: 3)])[0]);
        Assert.Equal(8, row.TasksDue);
        Assert.Equal("87,50%", RankingRow.Percent(row.OnTimeRate));
        Assert.Equal("75,00%", RankingRow.Percent(row.ReportRate));
        Assert.Equal("—", RankingRow.Percent(null));
    }

    [Theory]
    [InlineData("II.6.b", "II.6")]
    [InlineData("III.2.-1", "III.2")]
    [InlineData("II.1", "II.1")]
    [InlineData("IV", "IV")]
    public void A_task_belongs_to_the_group_of_its_second_level_item(string path, string group) =>
        Assert.Equal(group, DashboardQueries.GroupPath(path));

    [Fact]
    public void The_heatmap_colours_a_cell_by_its_most_urgent_status()
    {
        var counts = new Dictionary<AssignmentStatusCode, int>
        {
            [AssignmentStatusCode.CompletedOnTime] = 5, [AssignmentStatusCode.InProgressOnTime] = 2, [AssignmentStatusCode.CompletedLate] = 1,
        };
        Assert.Equal(AssignmentStatusCode.CompletedLate, Urgency.Worst(counts));
        counts[AssignmentStatusCode.InProgressOverdue] = 1;
        Assert.Equal(AssignmentStatusCode.InProgressOverdue, Urgency.Worst(counts));
        Assert.Null(Urgency.Worst(new Dictionary<AssignmentStatusCode, int> { [AssignmentStatusCode.CompletedOnTime] = 0 }));
    }
}
