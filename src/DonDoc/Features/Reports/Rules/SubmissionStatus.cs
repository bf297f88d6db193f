namespace DonDoc.Features.Reports.Rules;

/// <summary>Where a unit's report of a period stands (tình hình nộp báo cáo).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SubmissionStatus>))]
public enum SubmissionStatus
{
    NotSubmitted,      // Chưa nộp
    SubmittedOnTime,   // Đã nộp đúng hạn
    SubmittedLate,     // Nộp muộn
    Returned,          // Bị trả lại
    Accepted,          // Đã tiếp nhận
}

/// <summary>The workflow state a report is stored in; the submission status is computed from it and the dates.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReportState>))]
public enum ReportState
{
    Draft,              // Dự thảo
    AwaitingApproval,   // Chờ thủ trưởng duyệt
    Submitted,          // Đã gửi
    Returned,           // Bị trả lại
    Accepted,           // Đã tiếp nhận
}

public sealed record Submission(SubmissionStatus Status, int? DaysLate);

public static class SubmissionRules
{
    /// <summary>
    /// A report counts as submitted from its first submission; lateness is judged on that date against the
    /// period's due date (a due date itself is on time), and is kept after acceptance so the record stays true.
    /// </summary>
    public static Submission Of(ReportState state, DateOnly? firstSubmittedOn, DateOnly dueDate, DateOnly today)
    {
        int? late = firstSubmittedOn is { } s && s > dueDate ? s.DayNumber - dueDate.DayNumber
            : firstSubmittedOn is null && today > dueDate ? today.DayNumber - dueDate.DayNumber : null;
        return state switch
        {
            ReportState.Accepted => new(SubmissionStatus.Accepted, late),
            ReportState.Returned => new(SubmissionStatus.Returned, late),
            ReportState.Submitted => new(late is null ? SubmissionStatus.SubmittedOnTime : SubmissionStatus.SubmittedLate, late),
            _ => new(SubmissionStatus.NotSubmitted, late),
        };
    }

    public static string Label(this SubmissionStatus s) => s switch
    {
        SubmissionStatus.NotSubmitted => "Chưa nộp",
        SubmissionStatus.SubmittedOnTime => "Đã nộp đúng hạn",
        SubmissionStatus.SubmittedLate => "Nộp muộn",
        SubmissionStatus.Returned => "Bị trả lại",
        _ => "Đã tiếp nhận",
    };

    public static string Label(this ReportState s) => s switch
    {
        ReportState.Draft => "Dự thảo",
        ReportState.AwaitingApproval => "Chờ thủ trưởng duyệt",
        ReportState.Submitted => "Đã gửi",
        ReportState.Returned => "Bị trả lại",
        _ => "Đã tiếp nhận",
    };
}
