using System.Text.RegularExpressions;
using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Import;

/// <summary>
/// Turns deadline phrases into the schedule kinds of tasks: "trước ngày 05/12 hàng năm" (yearly, 5 December),
/// "trước ngày 30/6/2023" and "trong quý II/2022" (fixed), "hằng quý", "6 tháng", "thường xuyên". In running
/// text only phrases that are clearly deadlines count ("thường xuyên rà soát" is not one); in a deadline column,
/// a "Thời gian thực hiện:" line or a closing parenthesis every phrase does.
/// </summary>
public static partial class DeadlineReader
{
    [GeneratedRegex(@"(?:[Đđ]ịnh kỳ\s+)?(?:trước|chậm nhất|vào)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?!/\d)(?:\s+và\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?!/\d))?\s+(?:hằng|hàng)\s+năm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearlySlashRegex();

    [GeneratedRegex(@"(?:trước|chậm nhất|vào)\s+(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*(?:năm|/)\s*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearlyWordsRegex();

    [GeneratedRegex(@"(?:trong\s+|vào\s+)?tháng\s+(\d{1,2})\s+(?:hằng|hàng)\s+năm", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearlyMonthRegex();

    [GeneratedRegex(@"(?<lead>trước|chậm nhất|hoàn thành|đến|trong|hạn)?\s*(?:ngày\s+)?(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FixedDateRegex();

    [GeneratedRegex(@"(?<lead>trong|trước|hoàn thành|cuối|đến)?\s*(?:quý|quí)\s+(IV|I{1,3}|[1-4])\s*(?:/|-|năm)\s*(\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"(?<lead>trong|trước|hoàn thành|cuối|đến)?\s*tháng\s+(?:\d{1,2}\s*,\s*)*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"^\s*(\d{1,2})/(\d{4})\s*$")]
    private static partial Regex MonthCellRegex();

    [GeneratedRegex(@"(?<lead>trong|hoàn thành trong|trước)?\s*năm\s+(\d{4})(?:\s*-\s*(\d{4}))?|^\s*(\d{4})(?:\s*-\s*(\d{4}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<prose>định kỳ\s+)?(?:(?:hằng|hàng)\s+(?<unit>năm|quý|tháng)|(?<six>6|sáu)\s+tháng(?:\s+một lần)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodicRegex();

    [GeneratedRegex(@"thường xuyên", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuousRegex();

    /// <param name="field">The text is a deadline on its own (a column, a labelled line): every phrase counts.</param>
    public static List<ImportedDeadline> Read(string text, string path, bool field)
    {
        var found = new List<(int Start, ImportedDeadline Deadline)>();
        var taken = new List<(int Start, int End)>();
        // Most paragraphs hold no deadline: every dated phrase has a digit, every periodic one one of these words.
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var hasPeriod = text.Contains("hằng", StringComparison.OrdinalIgnoreCase) || text.Contains("hàng", StringComparison.OrdinalIgnoreCase)
            || text.Contains("tháng", StringComparison.OrdinalIgnoreCase);
        if (!hasDigit && !hasPeriod && !field)
            return [];

        bool Take(Match m)
        {
            if (taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length))
                return false;
            taken.Add((m.Index, m.Index + m.Length));
            return true;
        }

        void Add(Match m, ScheduleKind kind, DateOnly? date = null, int? month = null, int? day = null, int? period = null) =>
            found.Add((m.Index, new ImportedDeadline(path, m.Value.Trim(), kind, date, month, day, period)));

        if (hasDigit)
        {
            foreach (Match m in YearlySlashRegex().Matches(text))
            {
                if (!Take(m))
                    continue;
                AddYearly(m, m.Groups[1].Value, m.Groups[2].Value);
                if (m.Groups[3].Success)
                    AddYearly(m, m.Groups[3].Value, m.Groups[4].Value);
            }
            foreach (Match m in YearlyWordsRegex().Matches(text))
            {
                if (Take(m))
                    AddYearly(m, m.Groups[1].Value, m.Groups[2].Value);
            }
            foreach (Match m in YearlyMonthRegex().Matches(text))
            {
                // "Tháng 12 hằng năm": due by the month's end.
                if (int.TryParse(m.Groups[1].Value, out var month) && month is >= 1 and <= 12 && Take(m))
                    AddYearly(m, DateTime.DaysInMonth(2023, month).ToString(VietnameseText.Culture), m.Groups[1].Value);
            }
            foreach (Match m in FixedDateRegex().Matches(text))
            {
                if (!field && !m.Groups["lead"].Success)
                    continue;
                // Unnamed groups come first: 1–3 day/month/year in figures, 4–6 in words.
                var date = m.Groups[1].Success
                    ? Dates.Make(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value)
                    : Dates.Make(m.Groups[6].Value, m.Groups[5].Value, m.Groups[4].Value);
                if (date is not null && Take(m))
                    Add(m, ScheduleKind.Fixed, date);
            }
            foreach (Match m in QuarterRegex().Matches(text))
            {
                var quarter = m.Groups[1].Value.ToUpperInvariant() switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
                if (int.TryParse(m.Groups[2].Value, out var year) && year is >= 1900 and <= 2200 && Take(m))
                    Add(m, ScheduleKind.Fixed, Dates.EndOfMonth(year, quarter * 3));
            }
            foreach (Match m in MonthRegex().Matches(text))
            {
                if (!field && !m.Groups["lead"].Success)
                    continue;
                if (int.TryParse(m.Groups[1].Value, out var month) && month is >= 1 and <= 12
                    && int.TryParse(m.Groups[2].Value, out var year) && year is >= 1900 and <= 2200 && Take(m))
                    Add(m, ScheduleKind.Fixed, Dates.EndOfMonth(year, month));
            }
            if (field && MonthCellRegex().Match(text) is { Success: true } cell && Take(cell)
                && int.TryParse(cell.Groups[1].Value, out var cellMonth) && cellMonth is >= 1 and <= 12
                && int.TryParse(cell.Groups[2].Value, out var cellYear) && cellYear is >= 1900 and <= 2200)
                Add(cell, ScheduleKind.Fixed, Dates.EndOfMonth(cellYear, cellMonth));
            foreach (Match m in YearRegex().Matches(text))
            {
                if (!field && !m.Groups["lead"].Success)
                    continue;
                // A range ("Năm 2025 - 2030") is due at its end.
                var last = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Success ? m.Groups[1].Value
                    : m.Groups[4].Success ? m.Groups[4].Value : m.Groups[3].Value;
                if (int.TryParse(last, out var year) && year is >= 1900 and <= 2200 && Take(m))
                    Add(m, ScheduleKind.Fixed, new DateOnly(year, 12, 31));
            }
        }
        foreach (Match m in PeriodicRegex().Matches(text))
        {
            var period = m.Groups["six"].Success ? 6 : m.Groups["unit"].Value.ToLowerInvariant() switch { "năm" => 12, "quý" => 3, _ => 1 };
            var isProse = m.Groups["prose"].Success || period == 3;
            if (!field && !isProse || !Take(m))
                continue;
            var kind = period switch { 3 => ScheduleKind.Quarterly, 1 => ScheduleKind.Monthly, _ => ScheduleKind.Yearly };
            Add(m, kind, period: period);
        }
        if (field)
        {
            foreach (Match m in ContinuousRegex().Matches(text))
            {
                if (Take(m))
                    Add(m, ScheduleKind.Continuous);
            }
        }
        return found.OrderBy(f => f.Start).Select(f => f.Deadline).ToList();

        void AddYearly(Match m, string day, string month)
        {
            if (int.TryParse(day, out var d) && int.TryParse(month, out var mo) && Dates.Make(2024, mo, d) is not null)
                Add(m, ScheduleKind.Yearly, month: mo, day: d, period: 12);
        }
    }

    /// <summary>Deadlines in running text, with any parenthesised tail ("(Quý IV/2013 và thường xuyên)") read as a field.</summary>
    public static List<ImportedDeadline> ReadProse(string text, string path)
    {
        var result = Read(text, path, field: false);
        var t = text.TrimEnd().TrimEnd('.', ';');
        if (t.EndsWith(')') && t.LastIndexOf('(') is >= 0 and var open)
        {
            var tail = t[(open + 1)..^1];
            foreach (var d in Read(tail, path, field: true))
            {
                if (!result.Any(r => r.Phrase.Contains(d.Phrase, StringComparison.Ordinal)))
                    result.Add(d);
            }
        }
        return result;
    }
}
