using DonDoc.Calendar;

namespace DonDoc.Tests.Calendar;

public sealed class LunarCalendarTests
{
    /// <summary>Tết of DOMAIN.md §8 (2024–2030) and of published calendars (2022–2023).</summary>
    public static TheoryData<int, string> Tet => new()
    {
        { 2022, "2022-02-01" }, { 2023, "2023-01-22" }, { 2024, "2024-02-10" }, { 2025, "2025-01-29" }, { 2026, "2026-02-17" },
        { 2027, "2027-02-06" }, { 2028, "2028-01-26" }, { 2029, "2029-02-13" }, { 2030, "2030-02-02" },
    };

    /// <summary>Giỗ Tổ Hùng Vương (10/3 âm lịch), same sources.</summary>
    public static TheoryData<int, string> HungKings => new()
    {
        { 2022, "2022-04-10" }, { 2023, "2023-04-29" }, { 2024, "2024-04-18" }, { 2025, "2025-04-07" }, { 2026, "2026-04-26" },
        { 2027, "2027-04-16" }, { 2028, "2028-04-04" }, { 2029, "2029-04-23" }, { 2030, "2030-04-12" },
    };

    [Theory, MemberData(nameof(Tet))]
    public void Tet_falls_on_the_published_day(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), LunarCalendar.FromSolar(DateOnly.Parse(expected)));
    }

    [Theory, MemberData(nameof(HungKings))]
    public void The_Hung_Kings_day_falls_on_the_published_day(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.ToSolar(new LunarDate(year, 3, 10)));

    [Theory]
    [InlineData(2020, 4), InlineData(2022, 0), InlineData(2023, 2), InlineData(2024, 0), InlineData(2025, 6), InlineData(2026, 0), InlineData(2028, 5), InlineData(2033, 11)]
    public void Leap_months_are_those_of_the_Vietnamese_calendar(int year, int leapMonth) =>
        Assert.Equal(leapMonth, LunarCalendar.LeapMonth(year));

    [Fact]
    public void A_leap_month_follows_the_month_it_repeats()
    {
        // 2023: tháng 2 nhuận began on 22/3; 2025: tháng 6 nhuận began on 25/7.
        Assert.Equal(new LunarDate(2023, 2, 1, IsLeapMonth: true), LunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new LunarDate(2023, 2, 30), LunarCalendar.FromSolar(new DateOnly(2023, 3, 21)));
        Assert.Equal(new DateOnly(2025, 7, 25), LunarCalendar.ToSolar(new LunarDate(2025, 6, 1, IsLeapMonth: true)));
        Assert.Equal(new DateOnly(2025, 6, 25), LunarCalendar.ToSolar(new LunarDate(2025, 6, 1)));
    }

    [Fact]
    public void Vietnam_at_UTC_plus_7_and_China_at_UTC_plus_8_can_keep_Tet_on_different_days()
    {
        Assert.Equal(new DateOnly(1985, 1, 21), LunarCalendar.NewYear(1985));
        Assert.Equal(new DateOnly(1985, 2, 20), LunarCalendar.ToSolar(new LunarDate(1985, 1, 1), timeZone: 8));
        Assert.Equal(new DateOnly(2007, 2, 17), LunarCalendar.NewYear(2007));
        Assert.Equal(new DateOnly(2007, 2, 18), LunarCalendar.ToSolar(new LunarDate(2007, 1, 1), timeZone: 8));
    }

    [Fact]
    public void Days_where_the_true_new_moon_lags_the_mean_one_still_get_a_day_of_the_month()
    {
        Assert.Equal(new LunarDate(2054, 3, 30), LunarCalendar.FromSolar(new DateOnly(2054, 5, 7)));
        Assert.Equal(new LunarDate(2062, 2, 30), LunarCalendar.FromSolar(new DateOnly(2062, 4, 9)));
    }

    [Fact]
    public void Every_day_from_2014_to_2100_converts_to_a_lunar_date_and_back()
    {
        for (var day = new DateOnly(2014, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(day);
            Assert.InRange(lunar.Day, 1, 30);
            Assert.Equal(day, LunarCalendar.ToSolar(lunar));
        }
    }

    [Fact]
    public void Dates_that_do_not_exist_are_refused()
    {
        // Tháng Chạp of Giáp Thìn (2024–2025) had 29 days: there was no 30 Tết in 2025.
        Assert.Equal(new DateOnly(2025, 1, 28), LunarCalendar.ToSolar(new LunarDate(2024, 12, 29)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(new LunarDate(2024, 12, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(new LunarDate(2024, 3, 1, IsLeapMonth: true)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(new LunarDate(2024, 13, 1)));
    }
}
