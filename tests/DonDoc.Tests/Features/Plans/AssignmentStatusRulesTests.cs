using DonDoc.Features.Plans.Rules;

namespace DonDoc.Tests.Features.Plans;

public sealed class AssignmentStatusRulesTests
{
    private static readonly DateOnly Due = new(2025, 12, 5);

    [Theory]
    [InlineData("2025-12-05", AssignmentStatusCode.CompletedOnTime, null)]   // on the deadline day itself
    [InlineData("2025-11-20", AssignmentStatusCode.CompletedOnTime, null)]
    [InlineData("2025-12-06", AssignmentStatusCode.CompletedLate, 1)]
    [InlineData("2026-01-04", AssignmentStatusCode.CompletedLate, 30)]
    public void Completed_work_is_judged_on_the_claimed_completion_date(string completedOn, AssignmentStatusCode expected, int? daysLate)
    {
        var status = AssignmentStatusRules.Compute(Due, DateOnly.Parse(completedOn), new StatusDay(new DateOnly(2026, 6, 1)));

        Assert.Equal(expected, status.Code);
        Assert.Equal(daysLate, status.DaysLate);
        Assert.False(status.DueSoon);
    }

    [Theory]
    [InlineData("2025-11-01", AssignmentStatusCode.InProgressOnTime, false, null)]
    [InlineData("2025-11-28", AssignmentStatusCode.InProgressOnTime, false, null)]  // 7 days before: not yet "soon"
    [InlineData("2025-11-29", AssignmentStatusCode.InProgressOnTime, true, null)]   // 6 days before
    [InlineData("2025-12-05", AssignmentStatusCode.InProgressOnTime, true, null)]   // the deadline day
    [InlineData("2025-12-06", AssignmentStatusCode.InProgressOverdue, false, 1)]
    [InlineData("2026-01-01", AssignmentStatusCode.InProgressOverdue, false, 27)]   // across the year end
    public void Unfinished_work_is_on_time_until_the_deadline_day_ends(string today, AssignmentStatusCode expected, bool dueSoon, int? daysLate)
    {
        var status = AssignmentStatusRules.Compute(Due, completedOn: null, new StatusDay(DateOnly.Parse(today)));

        Assert.Equal(expected, status.Code);
        Assert.Equal(dueSoon, status.DueSoon);
        Assert.Equal(daysLate, status.DaysLate);
    }

    [Fact]
    public void The_due_soon_window_is_configurable()
    {
        Assert.True(AssignmentStatusRules.Compute(Due, null, new StatusDay(new DateOnly(2025, 11, 22), DueSoonDays: 14)).DueSoon);
        Assert.False(AssignmentStatusRules.Compute(Due, null, new StatusDay(new DateOnly(2025, 12, 1), DueSoonDays: 3)).DueSoon);
    }

    [Fact]
    public void Standing_duties_are_reported_or_not_and_never_overdue()
    {
        Assert.Equal(AssignmentStatusCode.Reported, AssignmentStatusRules.ComputeContinuous(true).Code);
        Assert.Equal(AssignmentStatusCode.NotReported, AssignmentStatusRules.ComputeContinuous(false).Code);
        Assert.Equal("Chưa hoàn thành, quá hạn", AssignmentStatusCode.InProgressOverdue.Label());
        Assert.Equal("Chưa hoàn thành, trong hạn (sắp đến hạn)", AssignmentStatusRules.Compute(Due, null, new StatusDay(Due)).Label);
    }

    [Fact]
    public void Rates_match_the_Government_Office_worked_example()
    {
        // Báo cáo 1270/BC-TCTTTg: 14,068 on time, 1,983 late, 5,640 unfinished within term, 223 overdue.
        var rates = new CompletionRates(14_068, 1_983, 5_640, 223);

        Assert.Equal(21_914, rates.Total);
        Assert.Equal(16_274, rates.Due);
        Assert.Equal(98.62m, rates.CompletionPercent);
        Assert.Equal(1.38m, rates.OverduePercent);
        Assert.Equal(223.0 / 16_274, rates.OverdueRate);
        Assert.Equal(86.44, Math.Round(rates.OnTimeRate!.Value * 100, 2));
    }

    [Fact]
    public void Rates_leave_out_work_within_term_and_standing_duties_and_are_empty_when_nothing_is_due()
    {
        var rates = CompletionRates.From([AssignmentStatusCode.InProgressOnTime, AssignmentStatusCode.Reported, AssignmentStatusCode.NotReported]);

        Assert.Equal(0, rates.Due);
        Assert.Null(rates.CompletionRate);
        Assert.Equal(1, rates.Total);
    }
}
