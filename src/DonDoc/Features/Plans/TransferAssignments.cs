using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>
/// When a unit is merged or dissolved, the work it still owes passes to its successor: open assignments it leads
/// get the successor as lead unit (remembering the old one, so reports show who did the earlier periods), and
/// the successor coordinates where it coordinated. Finished work stays with the old unit, under its old name.
/// </summary>
public sealed class TransferAssignments(DonDocDbContext db)
{
    /// <returns>How many assignments the successor now leads; 0 when the unit is not dissolved or has no successor.</returns>
    public async Task<int> TransferAsync(int dissolvedUnitId, CancellationToken ct = default)
    {
        if (await LiveSuccessorAsync(dissolvedUnitId, ct) is not { } successorId)
            return 0;

        var involved = await db.Assignments
            .Include(a => a.Node)
            .Include(a => a.Occurrences)
            .Include(a => a.SupportingUnits)
            .Where(a => a.LeadUnitId == dissolvedUnitId || a.SupportingUnits.Any(s => s.UnitId == dissolvedUnitId))
            .AsSplitQuery()
            .ToListAsync(ct);
        var moved = 0;
        foreach (var a in involved.Where(a => !IsFinished(a)))
        {
            if (a.LeadUnitId == dissolvedUnitId)
            {
                // An assignment passed on twice keeps the unit that first held it: most of its history is that unit's.
                a.TransferredFromUnitId ??= dissolvedUnitId;
                a.LeadUnitId = successorId;
                moved++;
            }
            var supported = a.SupportingUnits.RemoveAll(s => s.UnitId == dissolvedUnitId) > 0;
            // A successor that coordinated a task its predecessor led now leads it, and does not coordinate itself.
            a.SupportingUnits.RemoveAll(s => s.UnitId == a.LeadUnitId);
            if (supported && a.LeadUnitId != successorId && a.SupportingUnits.All(s => s.UnitId != successorId))
                a.SupportingUnits.Add(new AssignmentSupport { UnitId = successorId });
        }
        await db.SaveChangesAsync(ct);
        return moved;
    }

    /// <summary>
    /// The end of the successor chain: when the successor was itself dissolved later (A → B → C), the work goes
    /// straight to C. A chain that loops back on itself ends where it would repeat.
    /// </summary>
    private async Task<int?> LiveSuccessorAsync(int unitId, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.ValidTo != null && u.SuccessorId != null)
            .Select(u => new { u.Id, u.SuccessorId }).ToDictionaryAsync(u => u.Id, u => u.SuccessorId!.Value, ct);
        if (!units.TryGetValue(unitId, out var current))
            return null;
        var seen = new HashSet<int> { unitId };
        while (units.TryGetValue(current, out var next) && seen.Add(current))
            current = next;
        return current == unitId ? null : current;
    }

    /// <summary>
    /// Work is over when every period the task will ever have is completed: a one-off task, or a recurring one
    /// whose last year has passed. A standing or open-ended task is never over, however well it was reported.
    /// </summary>
    private static bool IsFinished(Assignment a)
    {
        var completed = a.Occurrences.Where(o => o.State == OccurrenceState.Completed).Select(o => o.Period).ToHashSet();
        if (a.Node?.Schedule is not { } schedule)
            return a.Occurrences.Count > 0 && completed.Count == a.Occurrences.Count;
        if (schedule.Kind != ScheduleKind.Fixed && schedule.LastYear is null)
            return false;
        var end = schedule.Kind == ScheduleKind.Fixed ? DateOnly.MaxValue : new DateOnly(schedule.LastYear!.Value, 12, 31);
        return SchedulePeriods.Until(schedule, end).All(p => completed.Contains(p.Period));
    }
}
