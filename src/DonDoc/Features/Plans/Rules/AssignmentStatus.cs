namespace DonDoc.Features.Plans.Rules;

/// <summary>
/// The statuses the Government Office's task-tracking reports use (DOMAIN.md §10), plus the two states of a
/// standing duty's period. Codes are stable for the API; labels are Vietnamese.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AssignmentStatusCode>))]
public enum AssignmentStatusCode
{
    CompletedOnTime,     // Hoàn thành đúng hạn
    CompletedLate,       // Hoàn thành quá hạn
    InProgressOnTime,    // Chưa hoàn thành, trong hạn
    InProgressOverdue,   // Chưa hoàn thành, quá hạn
    Reported,            // Thường xuyên: đã báo cáo kỳ này
    NotReported,         // Thường xuyên: chưa báo cáo kỳ này
}

public sealed record AssignmentStatus(AssignmentStatusCode Code, bool DueSoon, int? DaysLate)
{
    public string Label => Code.Label() + (DueSoon ? " (sắp đến hạn)" : "");
}

public static class AssignmentStatusRules
{
    /// <summary>
    /// Status of an assignment or occurrence with a deadline: completed counts on the date the unit claimed and
    /// the coordinator accepted; a deadline day itself is still on time. "Due soon" flags unfinished work due
    /// within the day's due-soon window (today included).
    /// </summary>
    public static AssignmentStatus Compute(DateOnly dueDate, DateOnly? completedOn, StatusDay day)
    {
        if (completedOn is { } done)
        {
            return done <= dueDate
                ? new AssignmentStatus(AssignmentStatusCode.CompletedOnTime, false, null)
                : new AssignmentStatus(AssignmentStatusCode.CompletedLate, false, done.DayNumber - dueDate.DayNumber);
        }
        if (day.Today > dueDate)
            return new AssignmentStatus(AssignmentStatusCode.InProgressOverdue, false, day.Today.DayNumber - dueDate.DayNumber);
        return new AssignmentStatus(AssignmentStatusCode.InProgressOnTime, dueDate <= day.DueSoonUntil, null);
    }

    /// <summary>A standing duty's period: reported or not; it never becomes overdue.</summary>
    public static AssignmentStatus ComputeContinuous(bool reportedThisPeriod) =>
        new(reportedThisPeriod ? AssignmentStatusCode.Reported : AssignmentStatusCode.NotReported, false, null);

    public static string Label(this AssignmentStatusCode code) => code switch
    {
        AssignmentStatusCode.CompletedOnTime => "Hoàn thành đúng hạn",
        AssignmentStatusCode.CompletedLate => "Hoàn thành quá hạn",
        AssignmentStatusCode.InProgressOnTime => "Chưa hoàn thành, trong hạn",
        AssignmentStatusCode.InProgressOverdue => "Chưa hoàn thành, quá hạn",
        AssignmentStatusCode.Reported => "Thường xuyên: đã báo cáo",
        AssignmentStatusCode.NotReported => "Thường xuyên: chưa báo cáo",
        _ => code.ToString(),
    };
}
