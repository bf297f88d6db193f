using DonDoc.Data;
using DonDoc.Features.Reminders.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reminders;

public sealed class SaveReminderSettings(DonDocDbContext db)
{
    public async Task<SaveResult<ReminderSettings>> SaveAsync(ReminderRules rules, long? expectedVersion, CancellationToken ct = default)
    {
        if (rules.Validate() is { Count: > 0 } errors)
            return SaveResult<ReminderSettings>.Fail("rules", string.Join(" ", errors));
        var settings = await db.ReminderSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
            db.ReminderSettings.Add(settings = new ReminderSettings());
        else if (expectedVersion is { } v && v != settings.Version)
            return SaveResult<ReminderSettings>.Fail("version", "Quy tắc nhắc việc đã được người khác sửa; hãy tải lại rồi sửa lại.");
        settings.DaysBefore = string.Join(",", rules.DaysBefore.Distinct().OrderByDescending(d => d));
        (settings.OnTheDay, settings.RepeatOverdueEvery, settings.WorkingDays) = (rules.OnTheDay, rules.RepeatOverdueEvery, rules.WorkingDays);
        (settings.EscalateToHeadAfter, settings.EscalateToCoordinatorAfter) = (rules.EscalateToHeadAfter, rules.EscalateToCoordinatorAfter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<ReminderSettings>.Fail("version", "Quy tắc nhắc việc đã được người khác sửa cùng lúc; hãy tải lại.");
        }
        return SaveResult<ReminderSettings>.Success(settings);
    }
}
