using DonDoc.Features.Reminders.Rules;

namespace DonDoc.Tests.Features.Reminders;

public sealed class ReminderLadderTests
{
    private static readonly DateOnly Due = new(2026, 12, 4);   // a Friday

    private static int CalendarDays(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    private static int WorkingDays(DateOnly from, DateOnly to) =>
        Enumerable.Range(1, Math.Max(0, to.DayNumber - from.DayNumber)).Select(from.AddDays)
            .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private static string Keys(string today, ReminderRules? rules = null, bool working = false) =>
        string.Join(",", ReminderLadder.Due(Due, DateOnly.Parse(today), rules ?? ReminderRules.Default, working ? WorkingDays : CalendarDays).Select(r => r.Key));

    [Theory]
    [InlineData("2026-11-20", "")]                 // 14 days ahead: nothing yet
    [InlineData("2026-11-27", "truoc-7")]
    [InlineData("2026-11-29", "truoc-7")]          // the same rung again: its key makes it a no-op
    [InlineData("2026-12-01", "truoc-3")]
    [InlineData("2026-12-02", "truoc-3")]          // after a pause over the 3-day mark: one reminder, not two
    [InlineData("2026-12-03", "truoc-1")]
    [InlineData("2026-12-04", "dung-han")]
    [InlineData("2026-12-05", "qua-han-1")]
    [InlineData("2026-12-07", "qua-han-1")]
    [InlineData("2026-12-08", "qua-han-4")]
    [InlineData("2026-12-09", "qua-han-4,thu-truong")]
    [InlineData("2026-12-14", "qua-han-10,thu-truong,dau-moi")]
    [InlineData("2027-01-02", "qua-han-28,thu-truong,dau-moi")]   // across the year end
    public void The_ladder_gives_the_latest_rung_of_each_kind(string today, string keys) => Assert.Equal(keys, Keys(today));

    [Fact]
    public void Working_days_skip_the_weekend_and_the_rules_are_the_coordinator_s()
    {
        Assert.Equal("", Keys("2026-12-05", working: true));             // the weekend after a Friday deadline is not late yet
        Assert.Equal("", Keys("2026-12-06", working: true));
        Assert.Equal("qua-han-1", Keys("2026-12-07", working: true));    // Monday: one working day late
        Assert.Equal("qua-han-1", Keys("2026-12-05", new ReminderRules([14], OnTheDay: false, RepeatOverdueEvery: 7, EscalateToHeadAfter: 30, EscalateToCoordinatorAfter: 60)));
        Assert.Equal("", Keys("2026-12-04", new ReminderRules([14], OnTheDay: false)));
        Assert.Equal("truoc-14", Keys("2026-11-25", new ReminderRules([14])));
    }

    [Fact]
    public void Nonsensical_rules_are_refused_in_Vietnamese()
    {
        Assert.Empty(ReminderRules.Default.Validate());
        Assert.Contains("Số ngày nhắc trước hạn phải từ 1 đến 60.", new ReminderRules([0]).Validate());
        Assert.Contains("Báo đầu mối theo dõi phải sau (hoặc cùng lúc) báo thủ trưởng đơn vị.",
            new ReminderRules([7], EscalateToHeadAfter: 10, EscalateToCoordinatorAfter: 5).Validate());
    }
}
