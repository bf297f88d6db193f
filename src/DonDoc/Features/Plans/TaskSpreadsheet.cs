using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Security;
using DonDoc.Features.Plans.Rules;
using MiniExcelLibs;

namespace DonDoc.Features.Plans;

/// <summary>The task list, with its filters applied, as an .xlsx sheet.</summary>
public sealed class TaskSpreadsheet(DonDocDbContext db)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int MaxRows = 50_000;

    public async Task<byte[]> ExportAsync(UnitScope scope, TaskFilter filter, StatusDay day, CancellationToken ct = default)
    {
        var page = await TaskList.QueryAsync(db, scope, filter with { Page = 1, PageSize = MaxRows }, day, ct);
        var rows = page.Items.Select((t, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Kế hoạch"] = t.PlanSymbol ?? t.PlanTitle,
            ["Mục"] = t.Path,
            ["Nội dung nhiệm vụ"] = t.Content,
            ["Đơn vị chủ trì"] = t.LeadUnitName,
            ["Kỳ"] = t.Period,
            ["Hạn"] = VietnamTime.Date(t.DueDate),
            ["Hạn ban đầu"] = t.OriginalDueDate != t.DueDate ? VietnamTime.Date(t.OriginalDueDate) : "",
            ["Ngày hoàn thành"] = VietnamTime.Date(t.CompletedOn),
            ["Trạng thái"] = t.Status.Label,
            ["Số ngày quá hạn"] = t.Status.DaysLate,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Nhiệm vụ", cancellationToken: ct);
        return stream.ToArray();
    }
}
