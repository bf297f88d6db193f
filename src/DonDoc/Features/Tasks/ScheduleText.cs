using DonDoc.Calendar;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Tasks;

/// <summary>A task's deadline in words: as the plan worded it when it did, otherwise from the schedule itself.</summary>
public static class ScheduleText
{
    public static string Describe(ScheduleDto s)
    {
        if (!string.IsNullOrWhiteSpace(s.Phrase))
            return s.Phrase;
        var years = s.FirstYear is { } first
            ? s.LastYear is { } last && last != first ? $" (từ năm {first} đến năm {last})"
              : s.LastYear is null ? $" (từ năm {first})" : $" (năm {first})"
            : "";
        return s.Kind switch
        {
            ScheduleKind.Fixed => $"Trước ngày {VietnamTime.Date(s.DueDate)}",
            ScheduleKind.Yearly => $"Hằng năm, trước ngày {s.Day:00}/{s.Month:00}{years}",
            ScheduleKind.Quarterly => $"Hằng quý, trước ngày {s.Day} tháng cuối quý{years}",
            ScheduleKind.Monthly => $"Hằng tháng, trước ngày {s.Day}{years}",
            _ => $"Thường xuyên{years}",
        };
    }
}
