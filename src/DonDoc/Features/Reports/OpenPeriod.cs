using DonDoc.Data;
using DonDoc.Features.Reports.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

/// <summary>Opens a reporting period: its dates from the template's rules, and one draft report per obliged unit.</summary>
public sealed class OpenPeriod(DonDocDbContext db, TimeProvider clock)
{
    /// <param name="index">Month (1–12) or quarter (1–4); 1 for half-year, 9-month and yearly reports.</param>
    public async Task<SaveResult<ReportPeriod>> OpenAsync(int templateId, int year, int index = 1, CancellationToken ct = default)
    {
        var template = await db.ReportTemplates.Include(t => t.Obligations).ThenInclude(o => o.Unit).FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
            return SaveResult<ReportPeriod>.Fail("templateId", "Không tìm thấy mẫu báo cáo.");
        if (template.Frequency == ReportFrequency.Once)
            return SaveResult<ReportPeriod>.Fail("frequency", "Báo cáo chuyên đề, đột xuất: hãy nhập ngày chốt số liệu và hạn gửi.");
        if (year is < 2000 or > 2100 || index < 1 || index > ReportingPeriods.PerYear(template.Frequency))
            return SaveResult<ReportPeriod>.Fail("year", "Kỳ báo cáo không hợp lệ.");
        var dates = ReportingPeriods.For(template.Frequency, year, index, template.CutOff, template.DueDay, template.DueMonth);
        return await CreateAsync(template, dates, ct);
    }

    /// <summary>A thematic or ad-hoc report: the requesting body sets its data range and deadline (NĐ 09/2019 Điều 8).</summary>
    public async Task<SaveResult<ReportPeriod>> OpenOnceAsync(int templateId, string label, DateOnly dataFrom, DateOnly dataTo, DateOnly dueDate,
        CancellationToken ct = default)
    {
        var template = await db.ReportTemplates.Include(t => t.Obligations).ThenInclude(o => o.Unit).FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null)
            return SaveResult<ReportPeriod>.Fail("templateId", "Không tìm thấy mẫu báo cáo.");
        if (string.IsNullOrWhiteSpace(label) || dataTo < dataFrom || dueDate < dataFrom)
            return SaveResult<ReportPeriod>.Fail("label", "Cần tên kỳ, và ngày chốt số liệu, hạn gửi theo đúng thứ tự.");
        if (label.Trim().Length > 60)
            return SaveResult<ReportPeriod>.Fail("label", "Tên kỳ báo cáo dài tối đa 60 ký tự.");
        return await CreateAsync(template, new ReportingPeriod(label.Trim(), dataFrom, dataTo, dueDate), ct);
    }

    private async Task<SaveResult<ReportPeriod>> CreateAsync(ReportTemplate template, ReportingPeriod dates, CancellationToken ct)
    {
        if (await db.ReportPeriods.AnyAsync(p => p.TemplateId == template.Id && p.Label == dates.Label, ct))
            return SaveResult<ReportPeriod>.Fail("year", $"Kỳ báo cáo {dates.Label} đã được mở.");
        var period = new ReportPeriod
        {
            TemplateId = template.Id, Label = dates.Label, DataFrom = dates.DataFrom, DataTo = dates.DataTo, DueDate = dates.DueDate,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        // A unit dissolved before the period's due date has nothing to report for it; its successor does.
        period.Reports = template.Obligations.Where(o => o.Unit!.IsActiveOn(dates.DueDate))
            .Select(o => new UnitReport { UnitId = o.UnitId, State = ReportState.Draft }).ToList();
        db.ReportPeriods.Add(period);
        await db.SaveChangesAsync(ct);
        return SaveResult<ReportPeriod>.Success(period);
    }
}
