using DonDoc.Calendar;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace DonDoc.Tests.Calendar;

/// <summary>The calendar rules as the app ships them in appsettings.json, so the tests check the real configuration.</summary>
public static class ShippedCalendar
{
    public static CalendarOptions Options { get; } = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "src", "DonDoc", "appsettings.json"))
        .Build().GetSection(CalendarOptions.Section).Get<CalendarOptions>()!;

    public static WorkingCalendar With(params CalendarDay[] extraDays) => new(Options, extraDays);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
