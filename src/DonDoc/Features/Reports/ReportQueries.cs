using System.Text.Json;
using DonDoc.Data;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

public sealed record PeriodDto(int Id, int TemplateId, string TemplateName, string Label, DateOnly DataFrom, DateOnly DataTo, DateOnly DueDate,
    int Units, int Submitted, int Accepted);

public sealed record CompletenessRow(int ReportId, int UnitId, string UnitName, UnitKind UnitKind, ReportState State, SubmissionStatus Status,
    string StatusLabel, int? DaysLate, DateTime? SubmittedAt, string? SubmittedInNameOf, string? ReturnReason);

public sealed record Completeness(PeriodDto Period, IReadOnlyList<CompletenessRow> Rows, IReadOnlyDictionary<SubmissionStatus, int> Counts)
{
    /// <summary>Share of units whose report is in (submitted, on time or late, or accepted), in percent.</summary>
    public double SubmittedRate => Rows.Count == 0 ? 0 : 100.0 * Rows.Count(r => r.Status is SubmissionStatus.SubmittedOnTime
        or SubmissionStatus.SubmittedLate or SubmissionStatus.Accepted) / Rows.Count;
}

public sealed record SectionDto(int Id, string Title, string? Guidance, int? NodeId);

public sealed record IndicatorDto(int Id, string Code, string Name, string? Measure, IndicatorType Type, Aggregation Aggregation, decimal? Min, decimal? Max, bool Required);

public sealed record UnitFigure(int UnitId, string UnitName, UnitKind UnitKind, decimal? Value, bool IsEstimate);

public sealed record IndicatorConsolidation(IndicatorDto Indicator, IndicatorTotal Total, IReadOnlyList<UnitFigure> ByUnit,
    IReadOnlyDictionary<UnitKind, IndicatorTotal> ByKind);

public sealed record Contribution(int UnitId, string UnitName, string Html);

public sealed record SectionConsolidation(SectionDto Section, IReadOnlyList<Contribution> Contributions, string ConsolidatedHtml);

public sealed record Consolidation(PeriodDto Period, IReadOnlyList<IndicatorConsolidation> Indicators, IReadOnlyList<SectionConsolidation> Sections,
    IReadOnlyList<string> MissingUnits, string? ReportSymbol, long Version);

public sealed record SubmissionDto(int Id, DateTime SubmittedAt, string SubmittedByName, string SubmittedInNameOf, IReadOnlyList<AttachedFile> Files);

public sealed record ReportDetail(int Id, PeriodDto Period, int UnitId, string UnitName, ReportState State, string StateLabel, Submission Submission,
    string? SubmittedInNameOf, string? ReturnReason, IReadOnlyList<SectionDto> Sections, IReadOnlyDictionary<int, string> Texts,
    IReadOnlyList<IndicatorDto> Indicators, IReadOnlyDictionary<int, IndicatorValue> Values, IReadOnlyList<AttachedFile> Files,
    IReadOnlyList<SubmissionDto> Submissions, long Version);

public static class ReportQueries
{
    /// <summary>Reports that count in consolidation: sent and not returned.</summary>
    public static bool IsIn(ReportState s) => s is ReportState.Submitted or ReportState.Accepted;

    public static Task<List<PeriodDto>> PeriodsAsync(DonDocDbContext db, UnitScope scope, CancellationToken ct = default) =>
        Project(db, scope, Periods(db, scope).OrderByDescending(p => p.DueDate).ThenBy(p => p.Template!.Name)).ToListAsync(ct);

    public static Task<PeriodDto?> PeriodAsync(DonDocDbContext db, int id, UnitScope scope, CancellationToken ct = default) =>
        Project(db, scope, Periods(db, scope).Where(p => p.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Each template's latest period that has begun (the round units are submitting now), picked in the database
    /// rather than from every period a province has ever opened; latest due first, then by template name.
    /// </summary>
    public static async Task<List<int>> CurrentRoundIdsAsync(DonDocDbContext db, UnitScope scope, DateOnly today, CancellationToken ct = default)
    {
        var begun = Periods(db, scope).Where(p => p.DataFrom <= today);
        return await begun.Where(p => !begun.Any(q => q.TemplateId == p.TemplateId && (q.DueDate > p.DueDate || q.DueDate == p.DueDate && q.Id > p.Id)))
            .OrderByDescending(p => p.DueDate).ThenBy(p => p.Template!.Name).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>The periods in which the person's units have a report to make (all of them for province-wide roles).</summary>
    private static IQueryable<ReportPeriod> Periods(DonDocDbContext db, UnitScope scope)
    {
        var reports = Visible(db, scope);
        return db.ReportPeriods.AsNoTracking().Where(p => scope.All || reports.Any(r => r.PeriodId == p.Id));
    }

    private static IQueryable<PeriodDto> Project(DonDocDbContext db, UnitScope scope, IQueryable<ReportPeriod> periods)
    {
        var reports = Visible(db, scope);
        return periods.Select(p => new PeriodDto(p.Id, p.TemplateId, p.Template!.Name, p.Label, p.DataFrom, p.DataTo, p.DueDate,
            reports.Count(r => r.PeriodId == p.Id),
            reports.Count(r => r.PeriodId == p.Id && (r.State == ReportState.Submitted || r.State == ReportState.Accepted)),
            reports.Count(r => r.PeriodId == p.Id && r.State == ReportState.Accepted)));
    }

    public static IQueryable<UnitReport> Visible(DonDocDbContext db, UnitScope scope)
    {
        var reports = db.UnitReports.AsNoTracking();
        if (scope.All)
            return reports;
        if (scope.Path is not { } path)
            return reports.Where(_ => false);
        return reports.Where(r => r.Unit!.Path.StartsWith(path));
    }

    public static async Task<Completeness?> CompletenessAsync(DonDocDbContext db, int periodId, UnitScope scope, DateOnly today, CancellationToken ct = default)
    {
        if (await PeriodAsync(db, periodId, scope, ct) is not { } period)
            return null;
        var rows = (await Visible(db, scope).Where(r => r.PeriodId == periodId)
                .Select(r => new { r.Id, r.UnitId, r.Unit!.Name, r.Unit.Kind, r.State, r.FirstSubmittedOn, r.SubmittedAt, r.SubmittedInNameOf, r.ReturnReason })
                .ToListAsync(ct))
            .Select(r =>
            {
                var s = SubmissionRules.Of(r.State, r.FirstSubmittedOn, period.DueDate, today);
                return new CompletenessRow(r.Id, r.UnitId, r.Name, r.Kind, r.State, s.Status, s.Status.Label(), s.DaysLate, r.SubmittedAt,
                    r.SubmittedInNameOf, r.ReturnReason);
            })
            .OrderBy(r => r.Status).ThenByDescending(r => r.DaysLate).ThenBy(r => r.UnitName, StringComparer.Create(Calendar.VietnamTime.Culture, false))
            .ToList();
        var counts = Enum.GetValues<SubmissionStatus>().ToDictionary(s => s, s => rows.Count(r => r.Status == s));
        return new Completeness(period, rows, counts);
    }

    /// <summary>Everything the coordinator consolidates from: figures totalled and broken down, texts side by side.</summary>
    public static async Task<Consolidation?> ConsolidationAsync(DonDocDbContext db, int periodId, CancellationToken ct = default)
    {
        if (await PeriodAsync(db, periodId, UnitScope.Everything, ct) is not { } period)
            return null;
        var stored = await db.ReportPeriods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.ReportSymbol, p.Version }).FirstAsync(ct);
        var (sections, indicators) = await OutlineAsync(db, period.TemplateId, ct);
        var reports = await db.UnitReports.AsNoTracking().Where(r => r.PeriodId == periodId)
            .Select(r => new { r.Id, r.UnitId, r.Unit!.Name, r.Unit.Kind, r.State }).ToListAsync(ct);
        var inIds = reports.Where(r => IsIn(r.State)).Select(r => r.Id).ToList();
        var units = reports.ToDictionary(r => r.Id);
        var values = await db.Set<UnitReportValue>().AsNoTracking().Where(v => inIds.Contains(v.ReportId)).ToListAsync(ct);
        var texts = await db.Set<UnitReportSection>().AsNoTracking().Where(s => inIds.Contains(s.ReportId)).ToListAsync(ct);
        var consolidated = await db.ReportPeriods.Where(p => p.Id == periodId).SelectMany(p => p.Consolidated).ToDictionaryAsync(c => c.SectionId, c => c.Html, ct);
        var byUnitName = StringComparer.Create(Calendar.VietnamTime.Culture, false);
        var indicatorRows = indicators.Select(i =>
        {
            var figures = values.Where(v => v.IndicatorId == i.Id).Select(v => new UnitFigure(units[v.ReportId].UnitId, units[v.ReportId].Name,
                units[v.ReportId].Kind, v.Value, v.IsEstimate)).OrderBy(f => f.UnitName, byUnitName).ToList();
            var total = IndicatorRules.Aggregate(i.Aggregation, figures.Select(f => new IndicatorValue(f.Value, f.IsEstimate)));
            var byKind = figures.GroupBy(f => f.UnitKind).ToDictionary(g => g.Key,
                g => IndicatorRules.Aggregate(i.Aggregation, g.Select(f => new IndicatorValue(f.Value, f.IsEstimate))));
            return new IndicatorConsolidation(i, total, figures, byKind);
        }).ToList();
        var sectionRows = sections.Select(s => new SectionConsolidation(s,
            texts.Where(t => t.SectionId == s.Id && TextDiff.PlainText(t.Html).Length > 0)
                .Select(t => new Contribution(units[t.ReportId].UnitId, units[t.ReportId].Name, t.Html))
                .OrderBy(c => c.UnitName, byUnitName).ToList(),
            consolidated.GetValueOrDefault(s.Id, ""))).ToList();
        var missing = reports.Where(r => !IsIn(r.State)).Select(r => r.Name).Order(byUnitName).ToList();
        return new Consolidation(period, indicatorRows, sectionRows, missing, stored.ReportSymbol, stored.Version);
    }

    public static async Task<ReportDetail?> DetailAsync(DonDocDbContext db, int id, UnitScope scope, DateOnly today, CancellationToken ct = default)
    {
        var r = await Visible(db, scope).Where(x => x.Id == id).Include(x => x.Unit).Include(x => x.Sections).Include(x => x.Values)
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        if (r is null || await PeriodAsync(db, r.PeriodId, UnitScope.Everything, ct) is not { } period)
            return null;
        var (sections, indicators) = await OutlineAsync(db, period.TemplateId, ct);
        var submissions = (await db.ReportSubmissions.AsNoTracking().Where(s => s.ReportId == id).OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
                .ToListAsync(ct))
            .Select(s => new SubmissionDto(s.Id, s.SubmittedAt, s.SubmittedByName, s.SubmittedInNameOf,
                JsonSerializer.Deserialize<ReportSnapshot>(s.Snapshot)!.Files ?? [])).ToList();
        return new ReportDetail(r.Id, period, r.UnitId, r.Unit!.Name, r.State, r.State.Label(), SubmissionRules.Of(r.State, r.FirstSubmittedOn, period.DueDate, today),
            r.SubmittedInNameOf, r.ReturnReason, sections, r.Sections.ToDictionary(s => s.SectionId, s => s.Html), indicators,
            r.Values.ToDictionary(v => v.IndicatorId, v => new IndicatorValue(v.Value, v.IsEstimate)), await ReportAttachments.ListAsync(db, id, ct), submissions, r.Version);
    }

    /// <summary>What changed in each section from one submission to the next (the earliest compares with nothing).</summary>
    public static async Task<Dictionary<int, IReadOnlyList<DiffPart>>?> DiffAsync(DonDocDbContext db, int reportId, int submissionId, CancellationToken ct = default)
    {
        var all = await db.ReportSubmissions.AsNoTracking().Where(s => s.ReportId == reportId).OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var index = all.FindIndex(s => s.Id == submissionId);
        if (index < 0)
            return null;
        var after = JsonSerializer.Deserialize<ReportSnapshot>(all[index].Snapshot)!;
        var before = index > 0 ? JsonSerializer.Deserialize<ReportSnapshot>(all[index - 1].Snapshot)! : new ReportSnapshot([], []);
        return after.Sections.Keys.Union(before.Sections.Keys).ToDictionary(k => k,
            k => TextDiff.Words(before.Sections.GetValueOrDefault(k), after.Sections.GetValueOrDefault(k)));
    }

    private static async Task<(List<SectionDto>, List<IndicatorDto>)> OutlineAsync(DonDocDbContext db, int templateId, CancellationToken ct)
    {
        var sections = await db.ReportTemplates.Where(t => t.Id == templateId).SelectMany(t => t.Sections).OrderBy(s => s.SortOrder)
            .Select(s => new SectionDto(s.Id, s.Title, s.Guidance, s.NodeId)).ToListAsync(ct);
        var indicators = await db.ReportTemplates.Where(t => t.Id == templateId).SelectMany(t => t.Indicators).OrderBy(i => i.SortOrder)
            .Select(i => new IndicatorDto(i.Id, i.Code, i.Name, i.Measure, i.Type, i.Aggregation, i.Min, i.Max, i.Required)).ToListAsync(ct);
        return (sections, indicators);
    }
}
