using DonDoc.Features.Dashboard.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Features.Dashboard;

/// <summary>One line of the ranking as the API, the spreadsheet and the pages show it.</summary>
public sealed record RankingRow(int? Rank, int UnitId, string Code, string Name, UnitKind Kind, int TasksDue, int CompletedOnTime,
    int CompletedLate, int Overdue, double? OnTimeRate, int ReportsDue, int ReportsOnTime, double? ReportRate)
{
    public static RankingRow From(RankedUnit r)
    {
        var f = r.Figures;
        return new RankingRow(r.Rank, f.UnitId, f.Code, f.Name, f.Kind, f.Tasks.Due, f.CompletedOnTime, f.CompletedLate, f.InProgressOverdue,
            f.Tasks.OnTimeRate, f.ReportsDue, f.ReportsOnTime, f.ReportRate);
    }

    /// <summary>A share as the pages print it: "87,50%", or a dash when there is nothing to divide by.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.00", Calendar.VietnamTime.Culture) + "%" : "—";
}

public sealed record RankingDto(int Year, RankingGroup Kind, string KindLabel, IReadOnlyList<string> Formula, IReadOnlyList<RankingRow> Units)
{
    public static RankingDto From(UnitRanking r) =>
        new(r.Year, r.Group, r.Group.Label(), Ranking.Formula, r.Units.Select(RankingRow.From).ToList());
}
