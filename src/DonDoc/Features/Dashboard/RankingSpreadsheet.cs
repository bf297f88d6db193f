using DonDoc.Features.Units;
using MiniExcelLibs;

namespace DonDoc.Features.Dashboard;

/// <summary>The ranking as an .xlsx sheet, with the rule it was computed by on a second sheet.</summary>
public static class RankingSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(RankingDto r) => $"xep-hang-{r.Year}.xlsx";

    public static async Task<byte[]> ExportAsync(RankingDto ranking, CancellationToken ct = default)
    {
        var rows = ranking.Units.Select(u => new Dictionary<string, object?>
        {
            ["Hạng"] = u.Rank?.ToString(Calendar.VietnamTime.Culture) ?? "Chưa xếp hạng",
            ["Mã định danh"] = u.Code,
            ["Đơn vị"] = u.Name,
            ["Loại đơn vị"] = u.Kind.Label(),
            ["Nhiệm vụ đã đến hạn"] = u.TasksDue,
            ["Hoàn thành đúng hạn"] = u.CompletedOnTime,
            ["Hoàn thành quá hạn"] = u.CompletedLate,
            ["Chưa hoàn thành, quá hạn"] = u.Overdue,
            ["Tỷ lệ hoàn thành đúng hạn"] = RankingRow.Percent(u.OnTimeRate),
            ["Báo cáo đã đến hạn"] = u.ReportsDue,
            ["Báo cáo gửi đúng hạn"] = u.ReportsOnTime,
            ["Tỷ lệ báo cáo đúng hạn"] = RankingRow.Percent(u.ReportRate),
        }).ToList();
        var rule = ranking.Formula.Select(line => new Dictionary<string, object?> { [$"Cách xếp hạng năm {ranking.Year} · {ranking.KindLabel}"] = line }).ToList();
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { ["Xếp hạng"] = rows, ["Cách tính"] = rule };
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
