using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Calendar;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CalendarDayKind>))]
public enum CalendarDayKind
{
    /// <summary>An extra day off: a compensatory or bridging day the Government announces, a provincial closure.</summary>
    DayOff,

    /// <summary>A day worked although it is a weekend or a holiday: the Saturday swapped for a bridging day (làm bù).</summary>
    WorkingDay,
}

/// <summary>A day the admin adds to the computed calendar, as each year's notice on Tết and Quốc khánh decides.</summary>
public sealed class CalendarDay : IAudited
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }

    /// <summary>Unique: a day is either off or worked.</summary>
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
    public CalendarDayKind Kind { get; set; }
    public int? AddedById { get; set; }
    public string AddedByName { get; set; } = "";
    public DateTime AddedAt { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasIndex(d => d.Date).IsUnique();
        b.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.AddedByName).HasMaxLength(256);
    }
}
