namespace DonDoc.Calendar;

public enum DayOffSource
{
    /// <summary>A holiday on a solar date, or a compensatory day (nghỉ bù) the Labour Code gives.</summary>
    Law,

    /// <summary>A holiday on a lunar date: Tết, Giỗ Tổ Hùng Vương.</summary>
    Lunar,

    /// <summary>Added by the admin.</summary>
    Admin,
}

/// <summary>A day off other than a plain weekend.</summary>
/// <param name="LunarDerived">Its date follows from the lunar calendar (a lunar holiday or its compensatory day).</param>
/// <param name="ExtraDayId">The admin's <see cref="CalendarDay"/> behind it, if any.</param>
public sealed record DayOff(DateOnly Date, string Name, DayOffSource Source, bool LunarDerived, int? ExtraDayId = null);

/// <summary>The public holidays of the Labour Code as configured, with their compensatory days.</summary>
public static class PublicHolidays
{
    /// <summary>The holidays and compensatory days dated in <paramref name="year"/>, by date.</summary>
    public static List<DayOff> Of(int year, CalendarOptions options)
    {
        // Neighbouring years' holidays can spill over the year's edge (a day before 1/1, a compensatory day after 31/12).
        var holidays = new SortedDictionary<DateOnly, DayOff>();
        for (var y = year - 1; y <= year + 1; y++)
            foreach (var rule in options.Holidays)
                foreach (var day in Days(rule, y, options))
                    holidays.TryAdd(day.Date, day);

        var days = new SortedDictionary<DateOnly, DayOff>(holidays);
        foreach (var holiday in holidays.Values.Where(h => IsWeekend(h.Date, options)))
        {
            // Labour Code Đ.111.3: a weekly rest day that coincides with a holiday is made up on the next working day.
            var next = holiday.Date.AddDays(1);
            while (IsWeekend(next, options) || days.ContainsKey(next))
                next = next.AddDays(1);
            days[next] = new DayOff(next, $"Nghỉ bù {holiday.Name}", DayOffSource.Law, holiday.LunarDerived);
        }
        return days.Values.Where(d => d.Date.Year == year).ToList();
    }

    public static bool IsWeekend(DateOnly day, CalendarOptions options) => options.WeekendDays.Contains(day.DayOfWeek);

    private static IEnumerable<DayOff> Days(HolidayRule rule, int year, CalendarOptions options)
    {
        if (Anchor(rule, year) is not { } date || !rule.InForceOn(date))
            yield break;
        var source = rule.Lunar ? DayOffSource.Lunar : DayOffSource.Law;
        var first = date.AddDays(-rule.DaysBefore);
        var last = date.AddDays(rule.DaysAfter);
        if (rule.AdjacentDays > 0)
            (first, last) = AdjacentBefore(first, last, rule.AdjacentDays, options)
                ? (first.AddDays(-rule.AdjacentDays), last)
                : (first, last.AddDays(rule.AdjacentDays));
        for (var day = first; day <= last; day = day.AddDays(1))
            yield return new DayOff(day, rule.Name, source, rule.Lunar);
    }

    private static DateOnly? Anchor(HolidayRule rule, int year)
    {
        if (rule.Lunar)
            return LunarCalendar.ToSolar(new LunarDate(year, rule.Month, rule.Day));
        return rule.Day <= DateTime.DaysInMonth(year, rule.Month) ? new DateOnly(year, rule.Month, rule.Day) : null;
    }

    /// <summary>
    /// Where the adjacent days go: on working days, and touching a weekend where that makes one longer rest
    /// (2/9 on a Tuesday takes Monday 1/9; on a Thursday, Friday 3/9); otherwise after.
    /// </summary>
    private static bool AdjacentBefore(DateOnly first, DateOnly last, int count, CalendarOptions options)
    {
        var before = Enumerable.Range(1, count).Select(i => first.AddDays(-i)).ToList();
        var after = Enumerable.Range(1, count).Select(i => last.AddDays(i)).ToList();
        bool AllWorking(List<DateOnly> days) => days.All(d => !IsWeekend(d, options));
        if (AllWorking(before) != AllWorking(after))
            return AllWorking(before);
        return IsWeekend(before[^1].AddDays(-1), options) && !IsWeekend(after[^1].AddDays(1), options);
    }
}
