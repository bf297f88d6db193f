namespace DonDoc.Calendar;

/// <summary>A day of the Vietnamese lunisolar calendar (âm lịch); <see cref="Year"/> is the solar year in which its Tết falls.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day:00}/{Month:00}{(IsLeapMonth ? " nhuận" : "")}/{Year}";
}

/// <summary>
/// Hồ Ngọc Đức's conversion between the solar and the Vietnamese lunar calendar
/// (https://www.informatik.uni-leipzig.de/~duc/amlich/), the de-facto Vietnamese standard. Everything is
/// evaluated at UTC+7: China's calendar is the same algorithm at UTC+8 and sometimes differs by a day or a month.
/// Month 11 holds the winter solstice; in a 13-month year the first month without a major solar term is the leap one.
/// </summary>
public static class LunarCalendar
{
    /// <summary>Hours east of Greenwich of the meridian the calendar is computed for; overridable only to show the UTC+8 difference.</summary>
    public const double VietnamTimeZone = 7.0;

    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695;   // Julian day of the new moon of 1900-01-01
    private const int DayNumberToJulianDay = 1721426;         // DateOnly.DayNumber of a day + this = its Julian day number

    public static LunarDate FromSolar(DateOnly date, double timeZone = VietnamTimeZone)
    {
        var dayNumber = JulianDay(date);
        var k = Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1, timeZone);
        // The true new moon can lag the mean one enough that the k-th is still ahead (07/5/2054, 09/4/2062);
        // the published code stops after one step back and answers day 0 there.
        while (monthStart > dayNumber)
            monthStart = NewMoonDay(k--, timeZone);
        var a11 = LunarMonth11(date.Year, timeZone);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1, timeZone);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1, timeZone);
        }
        var day = dayNumber - monthStart + 1;
        var diff = (monthStart - a11) / 29;
        var leap = false;
        var month = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, timeZone);
            if (diff >= leapOffset)
            {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12)
            month -= 12;
        if (month >= 11 && diff < 4)
            lunarYear--;
        return new LunarDate(lunarYear, month, day, leap);
    }

    /// <exception cref="ArgumentOutOfRangeException">The lunar date does not exist (no such leap month, day 30 of a short month).</exception>
    public static DateOnly ToSolar(LunarDate lunar, double timeZone = VietnamTimeZone)
    {
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "Ngày âm lịch không hợp lệ.");
        var solar = DateFromJulianDay(MonthStart(lunar.Year, lunar.Month, lunar.IsLeapMonth, timeZone) + lunar.Day - 1);
        if (FromSolar(solar, timeZone) != lunar)
            throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "Ngày âm lịch không có trong năm đó.");
        return solar;
    }

    /// <summary>The leap month of the lunar year whose Tết falls in <paramref name="lunarYear"/>, or 0 when it has none.</summary>
    public static int LeapMonth(int lunarYear, double timeZone = VietnamTimeZone)
    {
        // Computation windows run from one month 11 to the next: months 1–10 of a year lie in the window that
        // starts in the year before, its months 11 and 12 in the next one.
        var early = LeapMonthOfWindow(lunarYear - 1, timeZone);
        if (early is >= 1 and <= 10)
            return early;
        var late = LeapMonthOfWindow(lunarYear, timeZone);
        return late >= 11 ? late : 0;
    }

    /// <summary>Tết Nguyên đán (mùng 1 tháng Giêng) of a year.</summary>
    public static DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    private static int LeapMonthOfWindow(int year, double timeZone)
    {
        var a11 = LunarMonth11(year, timeZone);
        if (LunarMonth11(year + 1, timeZone) - a11 <= 365)
            return 0;
        // Offset 1 from month 11 is month 12, offset 2 month 1; the leap month repeats the month before it.
        var month = LeapMonthOffset(a11, timeZone) - 2;
        return month <= 0 ? month + 12 : month;
    }

    private static int MonthStart(int lunarYear, int month, bool leap, double timeZone)
    {
        int a11, b11;
        if (month < 11)
        {
            a11 = LunarMonth11(lunarYear - 1, timeZone);
            b11 = LunarMonth11(lunarYear, timeZone);
        }
        else
        {
            a11 = LunarMonth11(lunarYear, timeZone);
            b11 = LunarMonth11(lunarYear + 1, timeZone);
        }
        var k = Floor(0.5 + (a11 - NewMoonEpoch) / SynodicMonth);
        var offset = month - 11;
        if (offset < 0)
            offset += 12;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, timeZone);
            if (leap || offset >= leapOffset)
                offset++;
        }
        return NewMoonDay(k + offset, timeZone);
    }

    private static int LunarMonth11(int year, double timeZone)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k, timeZone);
        // The month that starts after the solstice (sun past 270°) is month 12, so step back one.
        return SunLongitudeSector(newMoon, timeZone) >= 9 ? NewMoonDay(k - 1, timeZone) : newMoon;
    }

    private static int LeapMonthOffset(int a11, double timeZone)
    {
        var k = Floor((a11 - NewMoonEpoch) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i, timeZone), timeZone);
        } while (arc != last && i < 14);
        return i - 1;
    }

    private static int NewMoonDay(int k, double timeZone) => Floor(NewMoon(k) + 0.5 + timeZone / 24);

    /// <summary>Which of the twelve 30° sectors the sun is in at local midnight starting the day (0 = spring equinox).</summary>
    private static int SunLongitudeSector(int julianDay, double timeZone) =>
        Floor(SunLongitude(julianDay - 0.5 - timeZone / 24) / Math.PI * 6);

    /// <summary>Julian date of the k-th new moon after 1900-01-01 (Meeus, "Astronomical Algorithms", low precision).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;      // sun's mean anomaly
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;   // moon's mean anomaly
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;      // moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m)
            - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr)
            - 0.0004 * Math.Sin(dr * 3 * mpr)
            + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr))
            - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m))
            - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr))
            + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, normalised to [0, 2π).</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m)
            + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Floor(l / (Math.PI * 2));
    }

    private static int JulianDay(DateOnly date) => date.DayNumber + DayNumberToJulianDay;

    private static DateOnly DateFromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - DayNumberToJulianDay);

    private static int Floor(double x) => (int)Math.Floor(x);
}
