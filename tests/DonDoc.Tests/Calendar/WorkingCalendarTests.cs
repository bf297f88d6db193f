using DonDoc.Calendar;
using static DonDoc.Tests.Calendar.ShippedCalendar;

namespace DonDoc.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static List<(DateOnly Date, string Name, DayOffSource Source)> DaysOff(int year, WorkingCalendar? calendar = null) =>
        (calendar ?? With()).DaysOff(year).Select(d => (d.Date, d.Name, d.Source)).ToList();

    [Fact]
    public void Year_2026_has_the_eleven_holidays_of_the_Labour_Code_and_one_compensatory_day()
    {
        Assert.Equal(
        [
            (D("2026-01-01"), "Tết Dương lịch", DayOffSource.Law),
            (D("2026-02-16"), "Tết Nguyên đán", DayOffSource.Lunar),
            (D("2026-02-17"), "Tết Nguyên đán", DayOffSource.Lunar),
            (D("2026-02-18"), "Tết Nguyên đán", DayOffSource.Lunar),
            (D("2026-02-19"), "Tết Nguyên đán", DayOffSource.Lunar),
            (D("2026-02-20"), "Tết Nguyên đán", DayOffSource.Lunar),
            (D("2026-04-26"), "Giỗ Tổ Hùng Vương", DayOffSource.Lunar),
            (D("2026-04-27"), "Nghỉ bù Giỗ Tổ Hùng Vương", DayOffSource.Law),
            (D("2026-04-30"), "Ngày Chiến thắng", DayOffSource.Law),
            (D("2026-05-01"), "Ngày Quốc tế Lao động", DayOffSource.Law),
            (D("2026-09-02"), "Quốc khánh", DayOffSource.Law),
            (D("2026-09-03"), "Quốc khánh", DayOffSource.Law),
        ], DaysOff(2026));
    }

    [Theory, MemberData(nameof(LunarCalendarTests.Tet), MemberType = typeof(LunarCalendarTests))]
    public void Tet_is_the_last_day_of_the_old_year_and_the_first_four_of_the_new(int year, string newYear)
    {
        var tet = D(newYear);
        var calendar = With();
        var holidays = calendar.DaysOff(year).Where(d => d.Name == "Tết Nguyên đán").Select(d => d.Date);

        Assert.Equal(Enumerable.Range(-1, 5).Select(tet.AddDays), holidays);
        Assert.All(calendar.DaysOff(year).Where(d => d.Name.Contains("Tết Nguyên đán")), d => Assert.True(d.LunarDerived));
        // However the weekend falls, Tết gives five working days off.
        var from = tet.AddDays(-2);
        var to = calendar.AddWorkingDays(from, 1);
        Assert.Equal(5, Enumerable.Range(1, to.DayNumber - from.DayNumber - 1).Count(i => !PublicHolidays.IsWeekend(from.AddDays(i), Options)));
    }

    [Fact]
    public void Tet_on_a_weekend_adds_compensatory_days_after_it()
    {
        // Tết 2024 fell on Saturday 10/02: the weekend's two holidays are made up on 14 and 15/02.
        var tet = DaysOff(2024).Where(d => d.Date.Month == 2).ToList();

        Assert.Equal(["2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15"],
            tet.Select(d => d.Date.ToString("yyyy-MM-dd")));
        Assert.Equal("Nghỉ bù Tết Nguyên đán", tet[^1].Name);
        Assert.True(With().DaysOff(2024).Single(d => d.Date == D("2024-02-15")).LunarDerived);
    }

    [Fact]
    public void Holidays_on_a_weekend_in_a_row_are_made_up_after_the_whole_run()
    {
        // 2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 on Monday: off 29/4 to 3/5, as the Government announced.
        var spring = DaysOff(2023).Where(d => d.Date.Month is 4 or 5).Select(d => (d.Date, d.Name)).ToList();

        Assert.Equal(
        [
            (D("2023-04-29"), "Giỗ Tổ Hùng Vương"), (D("2023-04-30"), "Ngày Chiến thắng"), (D("2023-05-01"), "Ngày Quốc tế Lao động"),
            (D("2023-05-02"), "Nghỉ bù Giỗ Tổ Hùng Vương"), (D("2023-05-03"), "Nghỉ bù Ngày Chiến thắng"),
        ], spring);
    }

    [Theory]
    [InlineData("2021-09-02", "2021-09-03")]   // Thursday: Friday joins the weekend
    [InlineData("2022-09-02", "2022-09-01")]   // Friday: Thursday, as Saturday is off anyway
    [InlineData("2023-09-02", "2023-09-01")]   // Saturday: Friday, and Monday 4/9 makes up for Saturday
    [InlineData("2024-09-02", "2024-09-03")]   // Monday: Tuesday
    [InlineData("2025-09-02", "2025-09-01")]   // Tuesday: Monday
    [InlineData("2026-09-02", "2026-09-03")]   // Wednesday: after
    public void National_day_takes_an_adjacent_working_day(string nationalDay, string adjacent)
    {
        var september = DaysOff(D(nationalDay).Year).Where(d => d.Date.Month == 9 && d.Name == "Quốc khánh").Select(d => d.Date).Order();

        Assert.Equal(new[] { D(nationalDay), D(adjacent) }.Order(), september);
    }

    [Fact]
    public void National_day_on_a_Saturday_is_made_up_on_Monday()
    {
        Assert.Contains((D("2023-09-04"), "Nghỉ bù Quốc khánh", DayOffSource.Law), DaysOff(2023));
        Assert.False(With().IsWorkingDay(D("2023-09-04")));
    }

    [Fact]
    public void Before_2021_national_day_was_one_day()
    {
        Assert.Equal([D("2020-09-02")], DaysOff(2020).Where(d => d.Name == "Quốc khánh").Select(d => d.Date));
        Assert.True(With().IsWorkingDay(D("2020-09-03")));
    }

    [Fact]
    public void New_Year_on_a_weekend_is_made_up_on_the_first_Monday()
    {
        Assert.Contains((D("2023-01-02"), "Nghỉ bù Tết Dương lịch", DayOffSource.Law), DaysOff(2023));
        Assert.Contains((D("2028-01-03"), "Nghỉ bù Tết Dương lịch", DayOffSource.Law), DaysOff(2028));
        Assert.DoesNotContain(DaysOff(2027), d => d.Date.Year != 2027);
    }

    [Fact]
    public void Working_days_run_over_the_end_of_a_year_past_New_Year()
    {
        var calendar = With();

        // Wednesday 31/12/2025 + 1 working day: Thursday 1/1/2026 is a holiday, so Friday 2/1.
        Assert.Equal(D("2026-01-02"), calendar.AddWorkingDays(D("2025-12-31"), 1));
        Assert.Equal(D("2025-12-31"), calendar.AddWorkingDays(D("2026-01-02"), -1));
        Assert.Equal(2, calendar.CountWorkingDays(D("2025-12-30"), D("2026-01-02")));
    }

    [Fact]
    public void A_deadline_in_working_days_skips_Tet_and_the_weekend()
    {
        var calendar = With();

        // Received Friday 13/02/2026; Tết 16–20/02 and the weekend 21–22/02 do not count.
        Assert.Equal(D("2026-02-25"), calendar.DeadlineInWorkingDays(D("2026-02-13"), 3));
        Assert.Equal(3, calendar.CountWorkingDays(D("2026-02-13"), D("2026-02-25")));
        Assert.Equal(-3, calendar.CountWorkingDays(D("2026-02-25"), D("2026-02-13")));
        Assert.Equal(D("2026-02-13"), calendar.AddWorkingDays(D("2026-02-23"), -1));
    }

    [Fact]
    public void A_deadline_in_calendar_days_that_ends_in_Tet_moves_to_the_next_working_day()
    {
        var calendar = With();

        // 10 days from Friday 06/02/2026 end on Monday 16/02, the first day of Tết: the period ends on Monday 23/02.
        Assert.Equal(D("2026-02-23"), calendar.DeadlineInDays(D("2026-02-06"), 10));
        // The first day is not counted: 10 days from Monday 02/02 end on Thursday 12/02.
        Assert.Equal(D("2026-02-12"), calendar.DeadlineInDays(D("2026-02-02"), 10));
        // A period ending on a Saturday ends on Monday.
        Assert.Equal(D("2026-03-09"), calendar.DeadlineInDays(D("2026-02-28"), 7));
    }

    [Fact]
    public void An_extra_day_off_from_the_admin_counts_and_is_listed_as_the_admins()
    {
        var calendar = With(new CalendarDay { Id = 7, Date = D("2026-02-13"), Name = "Nghỉ Tết (hoán đổi)", Kind = CalendarDayKind.DayOff });

        Assert.False(calendar.IsWorkingDay(D("2026-02-13")));
        Assert.Equal(D("2026-02-23"), calendar.DeadlineInWorkingDays(D("2026-02-12"), 1));
        Assert.Contains(new DayOff(D("2026-02-13"), "Nghỉ Tết (hoán đổi)", DayOffSource.Admin, false, 7), calendar.DaysOff(2026));
    }

    [Fact]
    public void A_swapped_Saturday_is_worked()
    {
        var calendar = With(new CalendarDay { Id = 8, Date = D("2026-02-28"), Name = "Làm bù cho ngày 13/02", Kind = CalendarDayKind.WorkingDay });

        Assert.True(calendar.IsWorkingDay(D("2026-02-28")));
        Assert.Equal(D("2026-02-28"), calendar.AddWorkingDays(D("2026-02-27"), 1));
        Assert.Equal(8, Assert.Single(calendar.ExtraWorkingDays(2026)).Id);
    }

    [Fact]
    public void The_admin_can_move_the_adjacent_national_day_as_the_Government_decides()
    {
        var calendar = With(
            new CalendarDay { Date = D("2026-09-03"), Name = "Làm việc (ngày nghỉ chuyển sang 01/9)", Kind = CalendarDayKind.WorkingDay },
            new CalendarDay { Date = D("2026-09-01"), Name = "Nghỉ Quốc khánh", Kind = CalendarDayKind.DayOff });

        Assert.Equal([D("2026-09-01"), D("2026-09-02")], calendar.DaysOff(2026).Where(d => d.Date.Month == 9).Select(d => d.Date));
        Assert.True(calendar.IsWorkingDay(D("2026-09-03")));
    }

    [Fact]
    public void Adding_then_counting_working_days_gives_the_same_number()
    {
        var calendar = With();
        for (var from = D("2025-12-20"); from <= D("2026-03-10"); from = from.AddDays(3))
            foreach (var n in new[] { -12, -1, 0, 1, 5, 20 })
                Assert.Equal(n, calendar.CountWorkingDays(from, calendar.AddWorkingDays(from, n)));
    }

    [Fact]
    public void A_holiday_rule_applies_only_from_its_effective_date()
    {
        // A holiday pending in 2026 (Ngày Văn hóa Việt Nam, 24/11), as it would be added once it becomes law.
        var options = new CalendarOptions
        {
            WeekendDays = Options.WeekendDays,
            Holidays = [.. Options.Holidays, new HolidayRule { Name = "Ngày Văn hóa Việt Nam", Month = 11, Day = 24, EffectiveFrom = D("2027-01-01") }],
        };
        var calendar = new WorkingCalendar(options, []);

        Assert.True(calendar.IsWorkingDay(D("2026-11-24")));
        Assert.False(calendar.IsWorkingDay(D("2027-11-24")));
    }

    [Fact]
    public void The_shipped_rules_pass_validation_and_broken_ones_do_not()
    {
        var validator = new CalendarOptionsValidator();
        var broken = new CalendarOptions
        {
            WeekendDays = [],
            Holidays = [new HolidayRule { Name = "Rằm", Lunar = true, Month = 8, Day = 30 }, new HolidayRule { Month = 2, Day = 30 }],
        };

        Assert.True(validator.Validate(null, Options).Succeeded);
        var failures = validator.Validate(null, broken).Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("no such lunar day 30/8"));
    }
}
