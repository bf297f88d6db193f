namespace DonDoc.Features.Units.Pages;

/// <summary>MudDatePicker works in DateTime; units keep calendar days.</summary>
internal static class PickerDates
{
    public static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;
}
