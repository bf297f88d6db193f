using DonDoc.Data;
using DonDoc.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

/// <summary>Keeps the coordinator's text of the province's report, section by section, and the number it is issued under.</summary>
public sealed class Consolidate(DonDocDbContext db)
{
    private const string Noun = "Bản tổng hợp";

    public async Task<SaveResult<ReportPeriod>> SaveAsync(int periodId, IReadOnlyDictionary<int, string> sections, string? reportSymbol,
        long? expectedVersion, CancellationToken ct = default)
    {
        var period = await db.ReportPeriods.Include(p => p.Consolidated).Include(p => p.Template!).ThenInclude(t => t.Sections)
            .FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
            return SaveResult<ReportPeriod>.Fail("id", "Không tìm thấy kỳ báo cáo.");
        if (expectedVersion is { } v && v != period.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, period, v, ct);
        if (sections.Keys.Any(k => period.Template!.Sections.All(s => s.Id != k)))
            return SaveResult<ReportPeriod>.Fail("sections", "Có mục không thuộc đề cương của mẫu báo cáo.");
        if (reportSymbol is { Length: > 80 })
            return SaveResult<ReportPeriod>.Fail("reportSymbol", "Số, ký hiệu dài tối đa 80 ký tự.");
        var clean = sections.ToDictionary(s => s.Key, s => RichText.Sanitize(s.Value));
        if (clean.Values.Any(html => html.Length > RichText.MaxLength))
            return SaveResult<ReportPeriod>.Fail("sections", RichText.TooLong);
        foreach (var (sectionId, html) in clean)
        {
            if (period.Consolidated.FirstOrDefault(c => c.SectionId == sectionId) is { } existing)
                existing.Html = html;
            else
                period.Consolidated.Add(new ConsolidatedSection { SectionId = sectionId, Html = html });
        }
        period.ReportSymbol = string.IsNullOrWhiteSpace(reportSymbol) ? null : reportSymbol.Trim();
        return await ConcurrentChanges.SaveAsync(db, Noun, period, () => db.SaveChangesAsync(ct), ct);
    }
}
