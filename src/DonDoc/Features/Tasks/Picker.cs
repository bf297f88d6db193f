namespace DonDoc.Features.Tasks;

/// <summary>MudDatePicker works in DateTime; deadlines and evidence dates are calendar days.</summary>
public static class Picker
{
    public static DateTime? FromDay(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDay(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;
}
