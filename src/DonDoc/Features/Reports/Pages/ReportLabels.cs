using DonDoc.Features.Reports.Rules;
using MudBlazor;

namespace DonDoc.Features.Reports.Pages;

/// <summary>How the report pages name and colour the reports' kinds, types and states.</summary>
public static class ReportLabels
{
    public static string Label(this ReportKind k) => k switch
    {
        ReportKind.Periodic => "Định kỳ",
        ReportKind.Thematic => "Chuyên đề",
        _ => "Đột xuất",
    };

    public static string Label(this IndicatorType t) => t switch
    {
        IndicatorType.Integer => "Số nguyên",
        IndicatorType.Decimal => "Số thập phân",
        _ => "Có/Không",
    };

    public static Color Color(this SubmissionStatus s) => s switch
    {
        SubmissionStatus.NotSubmitted => MudBlazor.Color.Default,
        SubmissionStatus.SubmittedOnTime => MudBlazor.Color.Info,
        SubmissionStatus.SubmittedLate => MudBlazor.Color.Warning,
        SubmissionStatus.Returned => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Success,
    };

    public static Color Color(this ReportState s) => s switch
    {
        ReportState.Draft => MudBlazor.Color.Default,
        ReportState.AwaitingApproval => MudBlazor.Color.Secondary,
        ReportState.Submitted => MudBlazor.Color.Info,
        ReportState.Returned => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Success,
    };

    /// <summary>"Nộp muộn 3 ngày" once sent late; "Quá hạn 3 ngày" while still not sent after the due date.</summary>
    public static string? Lateness(Submission s, bool sent) => s.DaysLate is { } days ? (sent ? $"Nộp muộn {days} ngày" : $"Quá hạn {days} ngày") : null;

    /// <summary>A figure as Vietnamese write it (1.234,5), or a dash when there is none; yes/no figures as words.</summary>
    public static string Figure(decimal? value, IndicatorType type) => value is { } v ? IndicatorRules.Text(v, type) : "—";

    public static string PeriodUrl(int periodId) => $"/bao-cao/ky/{periodId}";

    public static string ReportUrl(int reportId) => $"/bao-cao/{reportId}";
}
