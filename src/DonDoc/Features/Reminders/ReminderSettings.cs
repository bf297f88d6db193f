using DonDoc.Data;
using DonDoc.Features.Reminders.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Reminders;

/// <summary>The province's reminder rules as the coordinator set them; one row, the defaults until first saved.</summary>
public sealed class ReminderSettings : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>"7,3,1": days before a due date that a reminder goes out.</summary>
    public string DaysBefore { get; set; } = "7,3,1";
    public bool OnTheDay { get; set; } = true;
    public int RepeatOverdueEvery { get; set; } = 3;
    public int EscalateToHeadAfter { get; set; } = 5;
    public int EscalateToCoordinatorAfter { get; set; } = 10;
    public bool WorkingDays { get; set; }
    public long Version { get; set; }

    public ReminderRules Rules => new(ParseDays(DaysBefore), OnTheDay, RepeatOverdueEvery, EscalateToHeadAfter, EscalateToCoordinatorAfter, WorkingDays);

    public static IReadOnlyList<int> ParseDays(string text) =>
        text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : -1)
            .Distinct().OrderByDescending(d => d).ToList();

    public static async Task<ReminderSettings> LoadAsync(DonDocDbContext db, CancellationToken ct = default) =>
        await db.ReminderSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new ReminderSettings();
}

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> b) => b.Property(s => s.DaysBefore).HasMaxLength(60);
}
