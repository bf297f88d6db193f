namespace DonDoc.Features.Plans.Rules;

/// <summary>
/// Rates as the Government's reports compute them: over assignments that are due, i.e. every completed one
/// plus the unfinished overdue ones; unfinished work still within its term is left out, and standing duties
/// never enter (DOMAIN.md §10: 16,051 completed, 223 overdue → "đạt 98,62 %", "quá hạn 1,38 %").
/// </summary>
public sealed record CompletionRates(int CompletedOnTime, int CompletedLate, int InProgressOnTime, int InProgressOverdue)
{
    public int Completed => CompletedOnTime + CompletedLate;
    public int Due => Completed + InProgressOverdue;
    public int Total => Completed + InProgressOnTime + InProgressOverdue;

    /// <summary>Completed ÷ due ("tỷ lệ hoàn thành"); null when nothing is due yet.</summary>
    public double? CompletionRate => Ratio(Completed);

    /// <summary>Completed by the deadline ÷ due ("tỷ lệ hoàn thành đúng hạn").</summary>
    public double? OnTimeRate => Ratio(CompletedOnTime);

    /// <summary>Unfinished and overdue ÷ due ("tỷ lệ quá hạn").</summary>
    public double? OverdueRate => Ratio(InProgressOverdue);

    /// <summary>
    /// The percentages as the Government's reports print them: the completion rate cut (not rounded) to two
    /// decimals and the overdue share as its complement, so the two always add up to 100 (98,62 + 1,38).
    /// </summary>
    public decimal? CompletionPercent => Due == 0 ? null : Math.Floor(Completed * 10_000m / Due) / 100m;

    public decimal? OverduePercent => CompletionPercent is { } c ? 100m - c : null;

    private double? Ratio(int part) => Due == 0 ? null : (double)part / Due;

    public static CompletionRates From(IEnumerable<AssignmentStatusCode> statuses)
    {
        int onTime = 0, late = 0, open = 0, overdue = 0;
        foreach (var s in statuses)
        {
            switch (s)
            {
                case AssignmentStatusCode.CompletedOnTime: onTime++; break;
                case AssignmentStatusCode.CompletedLate: late++; break;
                case AssignmentStatusCode.InProgressOnTime: open++; break;
                case AssignmentStatusCode.InProgressOverdue: overdue++; break;
            }
        }
        return new CompletionRates(onTime, late, open, overdue);
    }
}
