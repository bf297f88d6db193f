namespace DonDoc.Calendar;

/// <summary>
/// Which days state agencies work: Monday to Friday except public holidays and their compensatory days,
/// corrected by the days the admin adds (extra days off, Saturdays worked in exchange). Deadline arithmetic
/// follows the Civil Code (BLDS 2015 Đ.147–148): the day of the event is not counted, and a period ending on a
/// day off ends at the end of the next working day.
/// A snapshot for one request or one page load (it caches each year it computes, unsynchronised).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Years the calendar answers for: from the Labour Code 2012 (in force 01/5/2013) on, to a horizon no plan reaches.</summary>
    public const int FirstYear = 2014, LastYear = 2100;

    private readonly CalendarOptions _options;
    private readonly ILookup<int, CalendarDay> _extraByYear;
    private readonly Dictionary<int, Year> _years = [];

    public WorkingCalendar(CalendarOptions options, IEnumerable<CalendarDay> extraDays)
    {
        _options = options;
        _extraByYear = extraDays.ToLookup(d => d.Date.Year);
    }

    public static bool Supports(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>The year's days off other than plain weekends, by date.</summary>
    public IReadOnlyList<DayOff> DaysOff(int year) => YearOf(year).DaysOff;

    /// <summary>Weekends and holidays the admin has made working days in the year.</summary>
    public IReadOnlyList<CalendarDay> ExtraWorkingDays(int year) => YearOf(year).Worked;

    public bool IsWorkingDay(DateOnly day)
    {
        var year = YearOf(day.Year);
        if (year.WorkedDates.Contains(day))
            return true;
        return !year.OffDates.Contains(day) && !PublicHolidays.IsWeekend(day, _options);
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (before it when negative); 0 gives <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var day = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
                left--;
        }
        return day;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; when <paramref name="to"/>
    /// is earlier, minus those before <paramref name="from"/> down to and including <paramref name="to"/>.
    /// The inverse of <see cref="AddWorkingDays"/>: counting from a date to the date N working days away gives N.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var (first, last, sign) = from <= to ? (from.AddDays(1), to, 1) : (to, from.AddDays(-1), -1);
        var count = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
            if (IsWorkingDay(day))
                count++;
        return sign * count;
    }

    /// <summary>The last day of a period of <paramref name="days"/> calendar days ("trong N ngày") from an event.</summary>
    public DateOnly DeadlineInDays(DateOnly eventDay, int days)
    {
        var last = eventDay.AddDays(days);
        while (!IsWorkingDay(last))
            last = last.AddDays(1);
        return last;
    }

    /// <summary>The last day of a period of <paramref name="days"/> working days ("trong N ngày làm việc") from an event.</summary>
    public DateOnly DeadlineInWorkingDays(DateOnly eventDay, int days) => AddWorkingDays(eventDay, days);

    private Year YearOf(int year)
    {
        if (_years.TryGetValue(year, out var cached))
            return cached;
        var extra = _extraByYear[year].ToList();
        var worked = extra.Where(d => d.Kind == CalendarDayKind.WorkingDay).OrderBy(d => d.Date).ToList();
        var workedDates = worked.Select(d => d.Date).ToHashSet();
        var off = PublicHolidays.Of(year, _options).ToDictionary(d => d.Date);
        foreach (var d in extra.Where(d => d.Kind == CalendarDayKind.DayOff))
            off[d.Date] = new DayOff(d.Date, d.Name, DayOffSource.Admin, false, d.Id);
        var daysOff = off.Values.Where(d => !workedDates.Contains(d.Date)).OrderBy(d => d.Date).ToList();
        return _years[year] = new Year(daysOff, daysOff.Select(d => d.Date).ToHashSet(), worked, workedDates);
    }

    private sealed record Year(List<DayOff> DaysOff, HashSet<DateOnly> OffDates, List<CalendarDay> Worked, HashSet<DateOnly> WorkedDates);
}
