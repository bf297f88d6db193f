using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Features.Dashboard.Rules;

/// <summary>A unit's figures for one year, counted in the database, that the ranking is computed from.</summary>
public sealed record UnitFigures(int UnitId, string Code, string Name, UnitKind Kind, int CompletedOnTime, int CompletedLate,
    int InProgressOverdue, int ReportsDue, int ReportsOnTime)
{
    /// <summary>The tasks as the Government's reports count them (unfinished work within its term does not enter).</summary>
    public CompletionRates Tasks => new(CompletedOnTime, CompletedLate, 0, InProgressOverdue);

    public double? ReportRate => ReportsDue == 0 ? null : (double)ReportsOnTime / ReportsDue;

    /// <summary>Nothing of the unit fell due in the year: there is nothing to rank it on.</summary>
    public bool HasNothingDue => Tasks.Due == 0 && ReportsDue == 0;
}

/// <summary>A place in the ranking; <see cref="Rank"/> is null for a unit with nothing due.</summary>
public sealed record RankedUnit(int? Rank, UnitFigures Figures);

/// <summary>
/// The unit ranking (xếp hạng): a strict order, so two units never share a place; each criterion decides only when
/// every one before it is equal, and the unit code settles what the figures leave tied. Rates compare as exact
/// fractions, so 1/3 and 2/6 are equal.
/// </summary>
public static class Ranking
{
    /// <summary>The rule as the pages print it, in the order <see cref="Order"/> applies it.</summary>
    public static readonly string[] Formula =
    [
        "Tỷ lệ hoàn thành đúng hạn = số nhiệm vụ hoàn thành đúng hạn ÷ số nhiệm vụ đã đến hạn trong năm (đã hoàn thành, kể cả hoàn thành quá hạn, cộng với chưa hoàn thành mà đã quá hạn). Nhiệm vụ còn trong hạn và nhiệm vụ thường xuyên không tính.",
        "Tỷ lệ báo cáo đúng hạn = số báo cáo định kỳ gửi lần đầu không muộn hơn hạn gửi ÷ số báo cáo của các kỳ đã hết hạn gửi trong năm.",
        "Thứ tự xếp hạng: (1) tỷ lệ hoàn thành đúng hạn cao hơn xếp trước, đơn vị chưa có nhiệm vụ đến hạn xếp sau các đơn vị đã có; (2) nếu bằng nhau, đơn vị có ít nhiệm vụ quá hạn hơn xếp trước; (3) nếu vẫn bằng nhau, tỷ lệ báo cáo đúng hạn cao hơn xếp trước, đơn vị chưa có báo cáo đến hạn xếp sau; (4) cuối cùng theo mã định danh đơn vị, tăng dần.",
        "Đơn vị không có nhiệm vụ và báo cáo nào đến hạn trong năm được liệt kê cuối bảng, không xếp hạng.",
    ];

    public static IReadOnlyList<RankedUnit> Order(IEnumerable<UnitFigures> units)
    {
        var all = units.ToList();
        var ranked = all.Where(u => !u.HasNothingDue).Order(Comparer).Select((u, i) => new RankedUnit(i + 1, u));
        var unranked = all.Where(u => u.HasNothingDue).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new RankedUnit(null, u));
        return [.. ranked, .. unranked];
    }

    private static readonly Comparer<UnitFigures> Comparer = Comparer<UnitFigures>.Create((a, b) =>
    {
        var c = BetterFirst(a.CompletedOnTime, a.Tasks.Due, b.CompletedOnTime, b.Tasks.Due);
        if (c == 0) c = a.InProgressOverdue.CompareTo(b.InProgressOverdue);
        if (c == 0) c = BetterFirst(a.ReportsOnTime, a.ReportsDue, b.ReportsOnTime, b.ReportsDue);
        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    });

    /// <summary>Higher share first; a share of nothing (no denominator) after every real share.</summary>
    private static int BetterFirst(int partA, int ofA, int partB, int ofB) => (ofA, ofB) switch
    {
        (0, 0) => 0,
        (0, _) => 1,
        (_, 0) => -1,
        _ => ((long)partB * ofA).CompareTo((long)partA * ofB),
    };
}
