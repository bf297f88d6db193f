using Microsoft.Extensions.Options;

namespace DonDoc.Calendar;

/// <summary>
/// The rules of the working calendar, from configuration section "Calendar" (appsettings.json), because the
/// law and the Government's yearly choices change: a rule carries the dates it is in force, so a changed
/// holiday is a new rule, not an edited one, and past years keep their own days.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Weekly rest days of state agencies (QĐ 188/1999/QĐ-TTg: Monday to Friday work).</summary>
    public List<DayOfWeek> WeekendDays { get; set; } = [];

    public List<HolidayRule> Holidays { get; set; } = [];
}

/// <summary>A public holiday (Bộ luật Lao động Đ.112) as it stands between two dates.</summary>
public sealed class HolidayRule
{
    public string Name { get; set; } = "";

    /// <summary>Month and day are of the lunar calendar (Tết, Giỗ Tổ Hùng Vương).</summary>
    public bool Lunar { get; set; }

    public int Month { get; set; }
    public int Day { get; set; }

    /// <summary>Days off right before the holiday's date: Tết's last day(s) of the old year.</summary>
    public int DaysBefore { get; set; }

    /// <summary>Days off right after the holiday's date: Tết's mùng 2, 3, 4.</summary>
    public int DaysAfter { get; set; }

    /// <summary>
    /// Days the Prime Minister adds before or after (Quốc khánh's adjacent day, Đ.112.3): placed on working days,
    /// next to a weekend where possible, else after. The Government's actual choice is entered by the admin.
    /// </summary>
    public int AdjacentDays { get; set; }

    /// <summary>First holiday date to which the rule applies; none = always.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Last holiday date to which the rule applies; none = until further notice.</summary>
    public DateOnly? EffectiveUntil { get; set; }

    public bool InForceOn(DateOnly day) => (EffectiveFrom is null || EffectiveFrom <= day) && (EffectiveUntil is null || day <= EffectiveUntil);
}

/// <summary>Refuses to start with a calendar that would silently give wrong deadlines.</summary>
internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var problems = new List<string>();
        if (options.WeekendDays.Count is 0 or > 6)
            problems.Add("Calendar:WeekendDays must list one to six days.");
        foreach (var rule in options.Holidays)
        {
            var label = $"Calendar:Holidays '{rule.Name}'";
            if (string.IsNullOrWhiteSpace(rule.Name))
                problems.Add("Calendar:Holidays: every rule needs a Name.");
            // Lunar months have 29 or 30 days; a rule on day 30 would vanish in short months.
            var lastDay = rule.Lunar ? 29 : rule.Month is >= 1 and <= 12 ? DateTime.DaysInMonth(2024, rule.Month) : 0;
            if (rule.Month is < 1 or > 12 || rule.Day < 1 || rule.Day > lastDay)
                problems.Add($"{label}: no such {(rule.Lunar ? "lunar " : "")}day {rule.Day}/{rule.Month}.");
            if (rule.DaysBefore is < 0 or > 10 || rule.DaysAfter is < 0 or > 10 || rule.AdjacentDays is < 0 or > 10)
                problems.Add($"{label}: DaysBefore, DaysAfter and AdjacentDays must be 0 to 10.");
            if (rule.EffectiveFrom > rule.EffectiveUntil)
                problems.Add($"{label}: EffectiveFrom is after EffectiveUntil.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
