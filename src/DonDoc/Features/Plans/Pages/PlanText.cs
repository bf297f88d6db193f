using DonDoc.Calendar;
using DonDoc.Features.Plans.Rules;
using MudBlazor;

namespace DonDoc.Features.Plans.Pages;

/// <summary>How a status looks on a chip: a short text, its colour, and the full label for the tooltip.</summary>
public sealed record StatusChip(string Text, Color Color, Variant Variant, string Title);

/// <summary>The Vietnamese wording of plans and tasks as the pages show them.</summary>
public static class PlanText
{
    public static string Label(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Dự thảo",
        PlanStatus.Issued => "Ban hành",
        PlanStatus.Closed => "Kết thúc",
        _ => status.ToString(),
    };

    public static Color Color(this PlanStatus status) => status switch
    {
        PlanStatus.Issued => MudBlazor.Color.Primary,
        PlanStatus.Closed => MudBlazor.Color.Dark,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>
    /// A node's label as the document prints it: "I." and "1." for numbered items, "a)" for lettered ones, the
    /// bullet itself for "-" or "+".
    /// </summary>
    public static string DisplayLabel(string label)
    {
        if (label is "-" or "+" or "•")
            return label;
        return label.Length == 1 && char.IsLower(label[0]) ? label + ")" : label + ".";
    }

    private static readonly string[] Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    // Vietnamese documents letter their items without f, j, w, z and put đ after d.
    private const string Letters = "abcdđeghiklmnopqrstuvxy";

    /// <summary>The label that follows <paramref name="previous"/> among siblings (II after I, đ after d); null when there is no rule.</summary>
    public static string? NextLabel(string? previous)
    {
        if (string.IsNullOrEmpty(previous))
            return null;
        if (previous is "-" or "+")
            return previous;
        var roman = Array.IndexOf(Romans, previous);
        if (roman >= 0)
            return roman + 1 < Romans.Length ? Romans[roman + 1] : null;
        if (int.TryParse(previous, System.Globalization.NumberStyles.None, VietnamTime.Culture, out var n))
            return (n + 1).ToString(VietnamTime.Culture);
        var letter = previous.Length == 1 ? Letters.IndexOf(previous[0], StringComparison.Ordinal) : -1;
        return letter >= 0 && letter + 1 < Letters.Length ? Letters[letter + 1].ToString() : null;
    }

    /// <summary>The first label of a new level under a node labelled <paramref name="parentLabel"/>: sections hold 1, 2; items hold a, b.</summary>
    public static string FirstChildLabel(string? parentLabel) =>
        parentLabel is null ? "I"
        : Array.IndexOf(Romans, parentLabel) >= 0 ? "1"
        : int.TryParse(parentLabel, out _) ? "a"
        : "-";

    /// <summary>A task's deadline in words: "Hạn 30/06/2023", "Trước ngày 05/12 hằng năm, từ 2022", "Thường xuyên".</summary>
    public static string Words(this ScheduleDto s) => s.Kind switch
    {
        ScheduleKind.Fixed => s.DueDate is { } due ? $"Hạn {VietnamTime.Date(due)}" : "Chưa có hạn",
        ScheduleKind.Yearly => $"Trước ngày {s.Day:00}/{s.Month:00} hằng năm" + Years(s),
        ScheduleKind.Quarterly => $"Hằng quý, trước ngày {s.Day} tháng cuối quý" + Years(s),
        ScheduleKind.Monthly => $"Hằng tháng, trước ngày {s.Day}" + Years(s),
        ScheduleKind.Continuous => "Thường xuyên" + (s.LastYear is { } last ? $", đến hết {last}" : ""),
        _ => "",
    };

    private static string Years(ScheduleDto s) => (s.FirstYear, s.LastYear) switch
    {
        ({ } first, { } last) when first == last => $", năm {first}",
        ({ } first, { } last) => $", từ {first} đến {last}",
        ({ } first, null) => $", từ {first}",
        _ => "",
    };

    public static StatusChip Chip(AssignmentStatusCode code, bool dueSoon, int? daysLate)
    {
        var title = code.Label() + (dueSoon ? " · sắp đến hạn" : "") + (daysLate is { } d
            ? (code == AssignmentStatusCode.InProgressOverdue ? $" · quá {d} ngày" : $" · trễ {d} ngày")
            : "");
        return code switch
        {
            AssignmentStatusCode.CompletedOnTime => new("Hoàn thành đúng hạn", MudBlazor.Color.Success, Variant.Filled, title),
            AssignmentStatusCode.CompletedLate => new("Hoàn thành quá hạn", MudBlazor.Color.Success, Variant.Outlined, title),
            AssignmentStatusCode.InProgressOnTime when dueSoon => new("Sắp đến hạn", MudBlazor.Color.Warning, Variant.Filled, title),
            AssignmentStatusCode.InProgressOnTime => new("Trong hạn", MudBlazor.Color.Info, Variant.Filled, title),
            AssignmentStatusCode.InProgressOverdue => new(daysLate is { } late ? $"Quá hạn {late} ngày" : "Quá hạn", MudBlazor.Color.Error, Variant.Filled, title),
            AssignmentStatusCode.Reported => new("Thường xuyên: đã báo cáo", MudBlazor.Color.Default, Variant.Filled, title),
            _ => new("Thường xuyên: chưa báo cáo", MudBlazor.Color.Default, Variant.Outlined, title),
        };
    }

    /// <summary>Order of statuses in a task's summary: what needs attention first.</summary>
    public static int Rank(OccurrenceDto o) => o.Status switch
    {
        AssignmentStatusCode.InProgressOverdue => 0,
        AssignmentStatusCode.InProgressOnTime when o.DueSoon => 1,
        AssignmentStatusCode.InProgressOnTime => 2,
        AssignmentStatusCode.NotReported => 3,
        AssignmentStatusCode.CompletedLate => 4,
        AssignmentStatusCode.CompletedOnTime => 5,
        _ => 6,
    };

    /// <summary>The period an assignment is in now: the latest that has started (occurrences come ordered by start).</summary>
    public static OccurrenceDto? Current(this AssignmentDto a) => a.Occurrences.Count == 0 ? null : a.Occurrences[^1];

    /// <summary>"Nghị quyết số 30/NQ-CP ngày 11/03/2022 của Chính phủ".</summary>
    public static string Citation(string kind, string symbol, DateOnly? issuedOn, string? issuer) =>
        $"{kind} số {symbol}" + (issuedOn is { } d ? $" ngày {VietnamTime.Date(d)}" : "") + (string.IsNullOrWhiteSpace(issuer) ? "" : $" của {issuer}");

    /// <summary>"Kế hoạch 123/KH-UBND" or, for a draft without a number, its title.</summary>
    public static string Name(string? symbol, string title) => string.IsNullOrWhiteSpace(symbol) ? title : $"Kế hoạch {symbol}";

}
