using System.Globalization;

namespace DonDoc.Features.Reports.Rules;

/// <summary>How the province's figure is made from the units' figures.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Aggregation>))]
public enum Aggregation { Sum, Average, Min, Max, CountYes }

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<IndicatorType>))]
public enum IndicatorType { Integer, Decimal, YesNo }

/// <summary>What an indicator (chỉ tiêu) accepts.</summary>
public sealed record IndicatorRule(string Name, IndicatorType Type, decimal? Min, decimal? Max, bool Required);

/// <summary>One unit's figure for an indicator; an estimate runs to the end of the period (the 05/12 deadline falls before the cut-off).</summary>
public sealed record IndicatorValue(decimal? Value, bool IsEstimate = false);

/// <summary>The province's figure: the aggregate, how many units gave a figure, and whether any of them was an estimate.</summary>
public sealed record IndicatorTotal(decimal? Value, int Reporting, bool ContainsEstimates);

public static class IndicatorRules
{
    /// <summary>Figures are kept as numeric(18, 4): fourteen digits before the decimal comma, four after.</summary>
    private const decimal Limit = 100_000_000_000_000m;

    private const int Decimals = 4;

    /// <summary>Whether the database can keep the figure exactly as given.</summary>
    public static bool Storable(decimal? value) => value is not { } v || Math.Abs(v) < Limit && decimal.Round(v, Decimals) == v;

    /// <summary>
    /// A figure written the Vietnamese way ("2.400", "93,5", "-1.234.567,25"), or null when it is not one. A dot
    /// must group thousands: "93.5" is refused rather than read as 935, since it is most likely meant as 93,5.
    /// </summary>
    public static decimal? ParseFigure(string? text)
    {
        var t = text?.Trim() ?? "";
        var whole = t.Split(',')[0].TrimStart('-', '+');
        var groups = whole.Split('.');
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
            return null;
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Vi, out var v) ? v : null;
    }

    /// <summary>A Vietnamese error, or null when the value is acceptable.</summary>
    public static string? Validate(IndicatorRule rule, decimal? value)
    {
        if (value is null)
            return rule.Required ? $"Chỉ tiêu «{rule.Name}» bắt buộc phải có số liệu." : null;
        if (!Storable(value))
            return $"Chỉ tiêu «{rule.Name}» nhận số có tối đa 14 chữ số phần nguyên và {Decimals} chữ số sau dấu phẩy.";
        if (rule.Type == IndicatorType.YesNo && value is not (0 or 1))
            return $"Chỉ tiêu «{rule.Name}» chỉ nhận Có hoặc Không.";
        if (rule.Type == IndicatorType.Integer && value != decimal.Truncate(value.Value))
            return $"Chỉ tiêu «{rule.Name}» phải là số nguyên.";
        if (rule.Min is { } min && value < min || rule.Max is { } max && value > max)
            return $"Chỉ tiêu «{rule.Name}» phải trong khoảng {Range(rule)}.";
        return null;
    }

    public static IndicatorTotal Aggregate(Aggregation how, IEnumerable<IndicatorValue> values)
    {
        var given = values.Where(v => v.Value is not null).ToList();
        var numbers = given.Select(v => v.Value!.Value).ToList();
        decimal? total = numbers.Count == 0 && how != Aggregation.CountYes ? null : how switch
        {
            Aggregation.Sum => numbers.Sum(),
            Aggregation.Average => Math.Round(numbers.Average(), 2),
            Aggregation.Min => numbers.Min(),
            Aggregation.Max => numbers.Max(),
            _ => numbers.Count(n => n == 1),
        };
        return new IndicatorTotal(total, given.Count, given.Any(v => v.IsEstimate));
    }

    /// <summary>A figure as Vietnamese write it ("1.234,5"); a yes/no figure as "Có" or "Không".</summary>
    public static string Text(decimal value, IndicatorType type = IndicatorType.Decimal) =>
        type == IndicatorType.YesNo ? (value == 1 ? "Có" : "Không") : value.ToString("#,##0.##", Vi);

    public static string Label(this Aggregation a) => a switch
    {
        Aggregation.Sum => "Tổng",
        Aggregation.Average => "Trung bình",
        Aggregation.Min => "Nhỏ nhất",
        Aggregation.Max => "Lớn nhất",
        _ => "Số đơn vị «Có»",
    };

    private static readonly CultureInfo Vi = Calendar.VietnamTime.Culture;

    private static string Range(IndicatorRule rule)
    {
        return (rule.Min, rule.Max) switch
        {
            ({ } min, { } max) => $"{Text(min)}–{Text(max)}",
            ({ } min, null) => $"từ {Text(min)} trở lên",
            (null, { } max) => $"tối đa {Text(max)}",
            _ => "",
        };
    }
}
