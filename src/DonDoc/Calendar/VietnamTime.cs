using System.Globalization;

namespace DonDoc.Calendar;

/// <summary>Everything a person reads is in Vietnamese format and Vietnam's time (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static System.DateTime ToLocal(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    public static System.DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", Culture) ?? "";

    public static string Date(System.DateTime? utc) => utc is { } t ? ToLocal(t).ToString("dd/MM/yyyy", Culture) : "";

    public static string DateAndTime(System.DateTime? utc) => utc is { } t ? ToLocal(t).ToString("dd/MM/yyyy HH:mm", Culture) : "";

    public static string Number(long n) => n.ToString("N0", Culture);

    public static string Number(double n, int decimals = 1) => n.ToString("N" + decimals, Culture);

    /// <summary>Reads a date as people type it: dd/MM/yyyy (also d/M/yyyy) or ISO yyyy-MM-dd.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];
        return DateOnly.TryParseExact(text.Trim(), formats, Culture, DateTimeStyles.None, out var d) ? d : null;
    }
}
