using DonDoc.Features.Plans.Rules;

namespace DonDoc.Tests.Features.Plans;

public sealed class ScheduleTests
{
    [Fact]
    public void The_seed_plans_yearly_report_has_one_occurrence_a_year_from_2022_due_on_5_December()
    {
        var occurrences = SchedulePeriods.Until(Schedule.Yearly(5, 12, 2022), new DateOnly(2026, 11, 27)).ToList();

        Assert.Equal(["2022", "2023", "2024", "2025", "2026"], occurrences.Select(o => o.Period));
        Assert.All(occurrences, o => Assert.Equal((12, 5), (o.DueDate!.Value.Month, o.DueDate.Value.Day)));
    }

    [Fact]
    public void A_yearly_deadline_on_29_February_falls_on_28_February_in_common_years()
    {
        var dues = SchedulePeriods.Until(Schedule.Yearly(29, 2, 2023, 2025), new DateOnly(2030, 1, 1)).Select(o => o.DueDate).ToList();

        Assert.Equal([new DateOnly(2023, 2, 28), new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 28)], dues);
    }

    [Fact]
    public void Monthly_day_31_falls_on_each_months_last_day()
    {
        var dues = SchedulePeriods.Until(Schedule.Monthly(31, 2024), new DateOnly(2024, 4, 15)).Select(o => o.DueDate).ToList();

        Assert.Equal([new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 31), new DateOnly(2024, 4, 30)], dues);
    }

    [Fact]
    public void Quarterly_occurrences_are_named_by_quarter_and_fall_in_the_quarters_last_month()
    {
        var occurrences = SchedulePeriods.Until(Schedule.Quarterly(20, 2025), new DateOnly(2025, 10, 1)).ToList();

        Assert.Equal(["Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"], occurrences.Select(o => o.Period));
        Assert.Equal(new DateOnly(2025, 12, 20), occurrences[^1].DueDate);
        Assert.Equal(new DateOnly(2025, 6, 30), occurrences[1].PeriodEnd);
    }

    [Fact]
    public void Recurring_tasks_stop_at_their_last_year_and_never_run_ahead_of_today()
    {
        Assert.Equal(2, SchedulePeriods.Until(Schedule.Yearly(5, 12, 2022, lastYear: 2023), new DateOnly(2030, 1, 1)).Count());
        Assert.Empty(SchedulePeriods.Until(Schedule.Yearly(5, 12, 2027), new DateOnly(2026, 12, 31)));
        Assert.Equal(3, SchedulePeriods.Until(Schedule.Monthly(10, 2026), new DateOnly(2026, 3, 1)).Count());
    }

    [Fact]
    public void A_fixed_task_has_one_occurrence_and_a_continuous_task_one_undated_period_a_year()
    {
        var fixedOne = Assert.Single(SchedulePeriods.Until(Schedule.Fixed(new DateOnly(2023, 6, 30)), new DateOnly(2022, 1, 1)));
        Assert.Equal(new DateOnly(2023, 6, 30), fixedOne.DueDate);
        var continuous = SchedulePeriods.Until(Schedule.Continuous(2024), new DateOnly(2025, 12, 31)).ToList();
        Assert.Equal(2, continuous.Count);
        Assert.All(continuous, o => Assert.Null(o.DueDate));
    }

    [Theory]
    [InlineData(ScheduleKind.Yearly, 30, 2, 2022, null, "Ngày và tháng của hạn hằng năm không hợp lệ.")]
    [InlineData(ScheduleKind.Yearly, 5, 13, 2022, null, "Ngày và tháng của hạn hằng năm không hợp lệ.")]
    [InlineData(ScheduleKind.Monthly, 0, 0, 2022, null, "Ngày trong kỳ phải từ 1 đến 31.")]
    [InlineData(ScheduleKind.Yearly, 5, 12, 2025, 2024, "Năm kết thúc phải sau năm bắt đầu.")]
    [InlineData(ScheduleKind.Continuous, 0, 0, null, null, "Nhiệm vụ định kỳ hoặc thường xuyên cần năm bắt đầu.")]
    public void Invalid_schedules_are_explained_in_Vietnamese(ScheduleKind kind, int day, int month, int? first, int? last, string error)
    {
        Assert.Contains(error, new Schedule(kind, Day: day, Month: month, FirstYear: first, LastYear: last).Validate());
    }

    [Fact]
    public void A_fixed_schedule_needs_a_date_and_29_February_is_a_valid_yearly_deadline()
    {
        Assert.Contains("Nhiệm vụ có thời hạn cần ngày hết hạn.", new Schedule(ScheduleKind.Fixed).Validate());
        Assert.Empty(Schedule.Yearly(29, 2, 2024).Validate());
    }
}
