using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Plans;

/// <summary>
/// Keeps an assignment's occurrences in step with its task's schedule: adds the periods that have started by
/// today, and moves the deadline of periods still open when the schedule changes, unless an extension was
/// approved for them (the approved date stands).
/// </summary>
public static class OccurrenceSync
{
    public static void Apply(Assignment assignment, Schedule schedule, DateOnly today, ISet<int> extendedOccurrenceIds)
    {
        // A recurring task shows its current period even before it starts being due; a one-off task is always there.
        var periods = SchedulePeriods.Until(schedule, today).ToList();
        var byPeriod = assignment.Occurrences.ToDictionary(o => o.Period);
        foreach (var p in periods)
        {
            if (!byPeriod.TryGetValue(p.Period, out var occurrence))
            {
                assignment.Occurrences.Add(new Occurrence
                {
                    Period = p.Period,
                    PeriodStart = p.PeriodStart,
                    PeriodEnd = p.PeriodEnd,
                    DueDate = p.DueDate,
                    OriginalDueDate = p.DueDate,
                    State = OccurrenceState.Open,
                });
            }
            else if (occurrence.State != OccurrenceState.Completed && !extendedOccurrenceIds.Contains(occurrence.Id))
            {
                occurrence.DueDate = p.DueDate;
                occurrence.OriginalDueDate = p.DueDate;
                occurrence.PeriodStart = p.PeriodStart;
                occurrence.PeriodEnd = p.PeriodEnd;
            }
        }
    }
}
