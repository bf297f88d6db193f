using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

/// <summary>Vietnamese dates as documents write them: "11/3/2022", "ngày 11 tháng 3 năm 2022".</summary>
public static partial class Dates
{
    [GeneratedRegex(@"^\s*,?\s*ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")]
    private static partial Regex LeadingDateRegex();

    /// <summary>A date that opens the text (", ngày 11/3/2022"), with the length it takes.</summary>
    public static (DateOnly? Date, int Length) Leading(string text)
    {
        var m = LeadingDateRegex().Match(text);
        if (!m.Success)
            return (null, 0);
        var date = m.Groups[1].Success
            ? Make(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value)
            : Make(m.Groups[6].Value, m.Groups[5].Value, m.Groups[4].Value);
        return (date, m.Length);
    }

    public static DateOnly? Make(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var mo) && int.TryParse(day, out var d)
            ? Make(y, mo, d)
            : null;

    public static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
