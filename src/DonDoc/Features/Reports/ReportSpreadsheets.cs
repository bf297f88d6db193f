using DonDoc.Calendar;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using MiniExcelLibs;

namespace DonDoc.Features.Reports;

/// <summary>A period's completeness and its indicators as .xlsx sheets, for the tables annexed to the province's report.</summary>
public static class ReportSpreadsheets
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> CompletenessAsync(Completeness c, CancellationToken ct = default)
    {
        var rows = c.Rows.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Đơn vị"] = r.UnitName,
            ["Loại đơn vị"] = r.UnitKind.Label(),
            ["Tình hình nộp"] = r.StatusLabel,
            ["Số ngày muộn"] = r.DaysLate,
            ["Thời điểm gửi"] = VietnamTime.DateAndTime(r.SubmittedAt),
            ["Thủ trưởng ký"] = r.SubmittedInNameOf,
            ["Lý do trả lại"] = r.ReturnReason,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Tình hình nộp báo cáo", cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>One sheet: the province's totals (with the aggregation and whether estimates are in them), then each unit's figures.</summary>
    public static async Task<byte[]> IndicatorsAsync(Consolidation c, CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp chỉ tiêu"] = c.Indicators.Select((x, i) => new Dictionary<string, object?>
            {
                ["STT"] = i + 1,
                ["Mã"] = x.Indicator.Code,
                ["Chỉ tiêu"] = x.Indicator.Name,
                ["Đơn vị tính"] = x.Indicator.Measure,
                ["Cách tổng hợp"] = x.Indicator.Aggregation.Label(),
                ["Toàn tỉnh"] = x.Total.Value,
                ["Số đơn vị có số liệu"] = x.Total.Reporting,
                ["Có số ước thực hiện"] = x.Total.ContainsEstimates ? "Có" : "",
            }).ToList(),
            ["Theo đơn vị"] = c.Indicators.SelectMany(x => x.ByUnit.Select(f => new Dictionary<string, object?>
            {
                ["Mã"] = x.Indicator.Code,
                ["Chỉ tiêu"] = x.Indicator.Name,
                ["Đơn vị"] = f.UnitName,
                ["Loại đơn vị"] = f.UnitKind.Label(),
                ["Giá trị"] = f.Value,
                ["Ước thực hiện"] = f.IsEstimate ? "Có" : "",
            })).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }
}
