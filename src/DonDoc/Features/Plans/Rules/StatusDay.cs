namespace DonDoc.Features.Plans.Rules;

/// <summary>
/// The day statuses are computed on (Vietnam's date) and how many days ahead "sắp đến hạn" looks; the window is
/// the province's setting (Tasks:DueSoonDays), so it travels with the date rather than hiding in a constant.
/// </summary>
public readonly record struct StatusDay(DateOnly Today, int DueSoonDays = StatusDay.DefaultDueSoonDays)
{
    public const int DefaultDueSoonDays = 7;

    /// <summary>The last due date that still counts as due soon (today is the first day of the window).</summary>
    public DateOnly DueSoonUntil => Today.AddDays(DueSoonDays - 1);
}
