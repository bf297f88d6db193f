namespace DonDoc.Features.Plans.Rules;

/// <summary>How often a task falls due (the schedule kinds of a plan's tasks).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ScheduleKind>))]
public enum ScheduleKind
{
    /// <summary>Once, by a date ("trước ngày 30/6/2023").</summary>
    Fixed,
    /// <summary>Every year by a day and month ("trước ngày 05/12 hàng năm").</summary>
    Yearly,
    /// <summary>Every quarter, by a day of the quarter's last month ("hằng quý, trước ngày 20 tháng cuối quý").</summary>
    Quarterly,
    /// <summary>Every month by a day of the month.</summary>
    Monthly,
    /// <summary>A standing duty (thường xuyên): no deadline, reported each period, never overdue.</summary>
    Continuous,
}

/// <summary>
/// A task's schedule. Recurring schedules run from <see cref="FirstYear"/> to <see cref="LastYear"/> (inclusive;
/// open-ended when null). Days past a month's end mean the month's last day, so "29/02 every year" falls on
/// 28/02 in common years and "day 31 every month" on the 30th of April.
/// </summary>
public sealed record Schedule(ScheduleKind Kind, DateOnly? DueDate = null, int Day = 0, int Month = 0,
    int? FirstYear = null, int? LastYear = null)
{
    public static Schedule Fixed(DateOnly due) => new(ScheduleKind.Fixed, DueDate: due);
    public static Schedule Yearly(int day, int month, int firstYear, int? lastYear = null) => new(ScheduleKind.Yearly, Day: day, Month: month, FirstYear: firstYear, LastYear: lastYear);
    public static Schedule Quarterly(int day, int firstYear, int? lastYear = null) => new(ScheduleKind.Quarterly, Day: day, FirstYear: firstYear, LastYear: lastYear);
    public static Schedule Monthly(int day, int firstYear, int? lastYear = null) => new(ScheduleKind.Monthly, Day: day, FirstYear: firstYear, LastYear: lastYear);
    public static Schedule Continuous(int firstYear, int? lastYear = null) => new(ScheduleKind.Continuous, FirstYear: firstYear, LastYear: lastYear);

    public bool IsRecurring => Kind is ScheduleKind.Yearly or ScheduleKind.Quarterly or ScheduleKind.Monthly;

    /// <summary>Vietnamese errors; empty when the schedule is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        switch (Kind)
        {
            case ScheduleKind.Fixed when DueDate is null:
                errors.Add("Nhiệm vụ có thời hạn cần ngày hết hạn.");
                break;
            case ScheduleKind.Yearly when Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(2024, Math.Clamp(Month, 1, 12)):
                errors.Add("Ngày và tháng của hạn hằng năm không hợp lệ.");
                break;
            case ScheduleKind.Quarterly or ScheduleKind.Monthly when Day is < 1 or > 31:
                errors.Add("Ngày trong kỳ phải từ 1 đến 31.");
                break;
        }
        if (Kind != ScheduleKind.Fixed && FirstYear is null)
            errors.Add("Nhiệm vụ định kỳ hoặc thường xuyên cần năm bắt đầu.");
        if (FirstYear is { } first && LastYear is { } last && last < first)
            errors.Add("Năm kết thúc phải sau năm bắt đầu.");
        if (FirstYear is < 2000 or > 2100 || LastYear is < 2000 or > 2100)
            errors.Add("Năm phải trong khoảng 2000–2100.");
        return errors;
    }
}
