namespace DonDoc.Features.Plans.Rules;

/// <summary>One period of a task: its label as people say it ("2025", "Quý II/2025", "Tháng 3/2025") and its due date.</summary>
public sealed record ScheduledPeriod(string Period, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? DueDate);

public static class SchedulePeriods
{
    /// <summary>The period name of a one-off task, which has a single period.</summary>
    public const string OncePeriod = "";

    /// <summary>
    /// The occurrences of a schedule whose period has started by <paramref name="until"/> (recurring tasks never
    /// run ahead of time). A fixed task has exactly one occurrence; a continuous one has one reporting period a year.
    /// </summary>
    public static IEnumerable<ScheduledPeriod> Until(Schedule schedule, DateOnly until)
    {
        switch (schedule.Kind)
        {
            case ScheduleKind.Fixed:
                var due = schedule.DueDate!.Value;
                yield return new ScheduledPeriod(OncePeriod, DateOnly.MinValue, due, due);
                yield break;
            case ScheduleKind.Yearly:
            case ScheduleKind.Continuous:
                foreach (var year in Years(schedule, until))
                {
                    var start = new DateOnly(year, 1, 1);
                    DateOnly? dueDate = schedule.Kind == ScheduleKind.Yearly ? Clamp(year, schedule.Month, schedule.Day) : null;
                    yield return new ScheduledPeriod($"{year}", start, new DateOnly(year, 12, 31), dueDate);
                }
                yield break;
            case ScheduleKind.Quarterly:
                foreach (var year in Years(schedule, until))
                {
                    for (var q = 1; q <= 4; q++)
                    {
                        var start = new DateOnly(year, q * 3 - 2, 1);
                        if (start > until)
                            yield break;
                        var lastMonth = q * 3;
                        yield return new ScheduledPeriod($"Quý {Roman(q)}/{year}", start, new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth)),
                            Clamp(year, lastMonth, schedule.Day));
                    }
                }
                yield break;
            case ScheduleKind.Monthly:
                foreach (var year in Years(schedule, until))
                {
                    for (var m = 1; m <= 12; m++)
                    {
                        var start = new DateOnly(year, m, 1);
                        if (start > until)
                            yield break;
                        yield return new ScheduledPeriod($"Tháng {m}/{year}", start, new DateOnly(year, m, DateTime.DaysInMonth(year, m)), Clamp(year, m, schedule.Day));
                    }
                }
                yield break;
        }
    }

    private static IEnumerable<int> Years(Schedule s, DateOnly until)
    {
        var last = Math.Min(s.LastYear ?? until.Year, until.Year);
        for (var y = s.FirstYear!.Value; y <= last; y++)
            yield return y;
    }

    /// <summary>The day in that month, or the month's last day when the month is shorter (29/02, day 31).</summary>
    public static DateOnly Clamp(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
