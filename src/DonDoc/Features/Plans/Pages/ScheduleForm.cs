using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Plans.Pages;

/// <summary>The schedule fields of the task form; only those the chosen kind needs are shown and used.</summary>
public sealed class ScheduleForm
{
    public ScheduleKind Kind { get; set; } = ScheduleKind.Fixed;
    public DateTime? DueDate { get; set; }
    public int? Day { get; set; }
    public int? Month { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }

    public static ScheduleForm From(Schedule? s, int defaultYear) => s is null
        ? new ScheduleForm { FirstYear = defaultYear }
        : new ScheduleForm
        {
            Kind = s.Kind,
            DueDate = s.DueDate?.ToDateTime(TimeOnly.MinValue),
            Day = s.Day == 0 ? null : s.Day,
            Month = s.Month == 0 ? null : s.Month,
            FirstYear = s.FirstYear ?? defaultYear,
            LastYear = s.LastYear,
        };

    public Schedule ToSchedule() => Kind switch
    {
        ScheduleKind.Fixed => new(Kind, DueDate: DueDate is { } d ? DateOnly.FromDateTime(d) : null),
        ScheduleKind.Yearly => new(Kind, Day: Day ?? 0, Month: Month ?? 0, FirstYear: FirstYear, LastYear: LastYear),
        ScheduleKind.Quarterly or ScheduleKind.Monthly => new(Kind, Day: Day ?? 0, FirstYear: FirstYear, LastYear: LastYear),
        _ => new(Kind, FirstYear: FirstYear, LastYear: LastYear),
    };

    public static string Label(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Fixed => "Có thời hạn",
        ScheduleKind.Yearly => "Hằng năm",
        ScheduleKind.Quarterly => "Hằng quý",
        ScheduleKind.Monthly => "Hằng tháng",
        _ => "Thường xuyên",
    };
}
