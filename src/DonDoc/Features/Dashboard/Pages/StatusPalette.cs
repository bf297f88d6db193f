using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Dashboard.Pages;

/// <summary>The status colours of every page (app.css .status-*), for charts and cells drawn from code.</summary>
public static class StatusPalette
{
    /// <summary>The order statuses are drawn in: finished work, open work, then standing duties.</summary>
    public static readonly AssignmentStatusCode[] Order =
    [
        AssignmentStatusCode.CompletedOnTime, AssignmentStatusCode.CompletedLate, AssignmentStatusCode.InProgressOnTime,
        AssignmentStatusCode.InProgressOverdue, AssignmentStatusCode.Reported, AssignmentStatusCode.NotReported,
    ];

    public static string Color(AssignmentStatusCode status) => status switch
    {
        AssignmentStatusCode.CompletedOnTime => "#2e7d32",
        AssignmentStatusCode.CompletedLate => "#ef6c00",
        AssignmentStatusCode.InProgressOnTime => "#1565c0",
        AssignmentStatusCode.InProgressOverdue => "#c62828",
        AssignmentStatusCode.Reported => "#9e9e9e",
        _ => "#616161",
    };

    /// <summary>Short labels for tight places (legends, bars); the full label goes in the tooltip.</summary>
    public static string Short(AssignmentStatusCode status) => status switch
    {
        AssignmentStatusCode.CompletedOnTime => "Đúng hạn",
        AssignmentStatusCode.CompletedLate => "Hoàn thành quá hạn",
        AssignmentStatusCode.InProgressOnTime => "Đang làm, trong hạn",
        AssignmentStatusCode.InProgressOverdue => "Quá hạn",
        AssignmentStatusCode.Reported => "Thường xuyên: đã báo cáo",
        _ => "Thường xuyên: chưa báo cáo",
    };

    public static string Percent(double? rate) => RankingRow.Percent(rate);
}
