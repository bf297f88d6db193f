using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Reminders.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reminders;

public sealed class SaveReminderSettings(DonDocDbContext db)
{
    private const string Noun = "Quy tắc nhắc việc";

    public async Task<SaveResult<ReminderSettings>> SaveAsync(ReminderRules rules, long? expectedVersion, CancellationToken ct = default)
    {
        if (rules.Validate() is { Count: > 0 } errors)
            return SaveResult<ReminderSettings>.Fail("rules", string.Join(" ", errors));
        var settings = await db.ReminderSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
            db.ReminderSettings.Add(settings = new ReminderSettings());
        else if (expectedVersion is { } v && v != settings.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, settings, v, ct);
        settings.DaysBefore = string.Join(",", rules.DaysBefore.Distinct().OrderByDescending(d => d));
        (settings.OnTheDay, settings.RepeatOverdueEvery, settings.WorkingDays) = (rules.OnTheDay, rules.RepeatOverdueEvery, rules.WorkingDays);
        (settings.EscalateToHeadAfter, settings.EscalateToCoordinatorAfter) = (rules.EscalateToHeadAfter, rules.EscalateToCoordinatorAfter);
        return await ConcurrentChanges.SaveAsync(db, Noun, settings, () => db.SaveChangesAsync(ct), ct);
    }
}
