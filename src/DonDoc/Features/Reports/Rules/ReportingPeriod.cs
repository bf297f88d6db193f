using System.Globalization;

namespace DonDoc.Features.Reports.Rules;

/// <summary>How often a template is reported (Nghị định 09/2019/NĐ-CP Điều 12, plus the provinces' 9-month report).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReportFrequency>))]
public enum ReportFrequency
{
    Monthly,
    Quarterly,
    HalfYear,   // 6 tháng
    NineMonth,  // 9 tháng
    Yearly,
    /// <summary>Thematic or ad-hoc reports: one period whose dates the requesting body sets.</summary>
    Once,
}

/// <summary>
/// Where a period's data is cut off (thời gian chốt số liệu): from a day of the month before the period to a day of
/// its last month. Nghị định 09/2019 uses 15 → 14; it is stored per template because provinces and sectors differ
/// and the clause numbering is unconfirmed (DOMAIN.md §1).
/// </summary>
public sealed record CutOffRule(int StartDay = 15, int EndDay = 14)
{
    public static CutOffRule Decree09 { get; } = new();

    public IReadOnlyList<string> Validate() =>
        StartDay is < 1 or > 28 || EndDay is < 1 or > 28 ? ["Ngày chốt số liệu phải từ 1 đến 28."] : [];
}

/// <summary>One reporting period: its label, the data it covers, and the day reports are due.</summary>
public sealed record ReportingPeriod(string Label, DateOnly DataFrom, DateOnly DataTo, DateOnly DueDate);

public static class ReportingPeriods
{
    /// <summary>
    /// The period numbered <paramref name="index"/> (month 1–12, quarter 1–4, 1 for the half and 9-month and
    /// yearly reports) of <paramref name="year"/>. The due date is <paramref name="dueDay"/> of the period's last
    /// month (clamped to the month's end), or of <paramref name="dueMonth"/> for a yearly report ("trước 05/12").
    /// </summary>
    public static ReportingPeriod For(ReportFrequency frequency, int year, int index, CutOffRule cutOff, int dueDay, int? dueMonth = null)
    {
        var (label, firstMonth, lastMonth) = frequency switch
        {
            ReportFrequency.Monthly => ($"Tháng {index}/{year}", index, index),
            ReportFrequency.Quarterly => ($"Quý {Roman(index)}/{year}", index * 3 - 2, index * 3),
            ReportFrequency.HalfYear => ($"6 tháng đầu năm {year}", 1, 6),
            ReportFrequency.NineMonth => ($"9 tháng năm {year}", 1, 9),
            ReportFrequency.Yearly => ($"{year}", 1, 12),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), "Báo cáo một lần không có kỳ theo năm."),
        };
        // Multi-month reports start their data where the year's data starts: 15/12 of the year before.
        var startMonth = new DateOnly(year, frequency is ReportFrequency.Monthly or ReportFrequency.Quarterly ? firstMonth : 1, 1).AddMonths(-1);
        var from = Day(startMonth.Year, startMonth.Month, cutOff.StartDay);
        var to = Day(year, lastMonth, cutOff.EndDay);
        var due = Day(year, dueMonth ?? lastMonth, dueDay);
        return new ReportingPeriod(label, from, to, due);
    }

    /// <summary>A label inside a sentence: "2025" → "năm 2025"; the others ("Quý II/2025", "6 tháng đầu năm 2025") lower-cased.</summary>
    public static string Words(string label) =>
        int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"năm {label}" : Documents.DocumentText.LowerFirst(label);

    /// <summary>How many periods a year has.</summary>
    public static int PerYear(ReportFrequency frequency) => frequency switch
    {
        ReportFrequency.Monthly => 12,
        ReportFrequency.Quarterly => 4,
        _ => 1,
    };

    public static string Label(this ReportFrequency f) => f switch
    {
        ReportFrequency.Monthly => "Hằng tháng",
        ReportFrequency.Quarterly => "Hằng quý",
        ReportFrequency.HalfYear => "6 tháng",
        ReportFrequency.NineMonth => "9 tháng",
        ReportFrequency.Yearly => "Hằng năm",
        _ => "Một lần",
    };

    private static DateOnly Day(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => quarter.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
