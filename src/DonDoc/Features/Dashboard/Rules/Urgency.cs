using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Dashboard.Rules;

/// <summary>Which status speaks for a group of tasks on the heatmap: the one that most needs a leader's attention.</summary>
public static class Urgency
{
    /// <summary>Most urgent first: overdue work, then work finished late, a standing duty not reported, work within its term.</summary>
    private static readonly AssignmentStatusCode[] Order =
    [
        AssignmentStatusCode.InProgressOverdue,
        AssignmentStatusCode.CompletedLate,
        AssignmentStatusCode.NotReported,
        AssignmentStatusCode.InProgressOnTime,
        AssignmentStatusCode.Reported,
        AssignmentStatusCode.CompletedOnTime,
    ];

    /// <summary>The most urgent status with a count above zero; null when there is nothing.</summary>
    public static AssignmentStatusCode? Worst(IReadOnlyDictionary<AssignmentStatusCode, int> counts) =>
        Order.Where(s => counts.GetValueOrDefault(s) > 0).Select(s => (AssignmentStatusCode?)s).FirstOrDefault();
}
