using DonDoc.Data;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Bench.Generate;

/// <summary>
/// Report templates with their periods over five years (monthly, quarterly, yearly) and the unit reports of each:
/// old periods mostly accepted, recent ones in every state. One yearly period of <see cref="Scale.ConsolidationUnits"/>
/// units with ten sections and thirty indicators is the one the benchmark consolidates and exports.
/// </summary>
internal static class Reports
{
    private static readonly ReportFrequency[] Cycle = [ReportFrequency.Monthly, ReportFrequency.Quarterly, ReportFrequency.Monthly, ReportFrequency.Yearly];

    private static readonly string[] Subjects =
    [
        "công tác cải cách hành chính", "kết quả chuyển đổi số", "công tác phòng, chống tham nhũng", "tình hình giải quyết thủ tục hành chính",
        "công tác tiếp công dân, giải quyết khiếu nại, tố cáo", "kết quả xây dựng nông thôn mới", "công tác phổ biến, giáo dục pháp luật",
        "tình hình thực hiện nhiệm vụ UBND tỉnh giao",
    ];

    /// <summary>The consolidation period's id and the counts written.</summary>
    public sealed record Result(int ConsolidationPeriodId, int Periods, int Reports);

    public static async Task<Result> AddAsync(DonDocDbContext db, DatabaseProvider provider, Scale scale, Province province, DateOnly today,
        CancellationToken ct)
    {
        var random = new Random(Generator.Seed + 4);
        var units = province.Units.Where(u => u.ValidTo is null && u.Id != province.Ubnd.Id).ToList();
        var recipient = province.Units.First(u => u.Code == DonDoc.Demo.DemoUnits.SoNoiVu).Id;
        var others = Math.Max(1, scale.Periods - 1);
        var perPeriod = Math.Max(1, (scale.UnitReports - scale.ConsolidationUnits + others - 1) / others);

        var big = Template("Báo cáo kết quả thực hiện công tác cải cách hành chính năm", ReportFrequency.Yearly, recipient,
            units.Take(scale.ConsolidationUnits), sections: 10, indicators: 30);
        var templates = new List<ReportTemplate> { big };
        var periods = new List<ReportPeriod>();
        var wanted = scale.Periods - 1;
        for (var t = 0; periods.Count < wanted; t++)
        {
            var frequency = Cycle[t % Cycle.Length];
            var template = Template($"Báo cáo {Subjects[t % Subjects.Length]} ({frequency.Label().ToLowerInvariant()}, mẫu {t + 1})", frequency, recipient,
                units.OrderBy(_ => random.Next()).Take(Math.Min(units.Count, perPeriod)), sections: 4, indicators: 6);
            templates.Add(template);
            foreach (var period in PeriodsOf(template, today).Take(wanted - periods.Count))
                periods.Add(period);
        }
        db.ReportTemplates.AddRange(templates);
        await db.SaveChangesAsync(ct);

        var lastYear = ReportingPeriods.For(ReportFrequency.Yearly, today.Year - 1, 1, CutOffRule.Decree09, big.DueDay, big.DueMonth);
        periods.Insert(0, new ReportPeriod { TemplateId = big.Id, Label = lastYear.Label, DataFrom = lastYear.DataFrom, DataTo = lastYear.DataTo, DueDate = lastYear.DueDate });
        var reports = new List<UnitReport>();
        var sections = new List<UnitReportSection>();
        var values = new List<UnitReportValue>();
        var consolidated = new List<ConsolidatedSection>();
        foreach (var (period, index) in periods.Select((p, i) => (p, i)))
        {
            period.Id = index + 1;
            period.Version = 1;
            period.OpenedAt = period.DataTo.AddDays(-20).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            period.TemplateId = period.Template?.Id ?? period.TemplateId;
            var template = templates.First(t => t.Id == period.TemplateId);
            var isBig = template == big;
            period.Template = null;
            foreach (var obligation in template.Obligations)
            {
                var state = isBig ? ReportState.Accepted : StateOf(period.DueDate, today, random);
                var report = new UnitReport
                {
                    Id = reports.Count + 1, PeriodId = period.Id, UnitId = obligation.UnitId, State = state, Version = 1,
                    FirstSubmittedOn = state == ReportState.Draft ? null : Min(today, period.DueDate.AddDays(random.Next(-10, 6))),
                };
                report.SubmittedAt = report.FirstSubmittedOn?.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
                report.ReviewedByName = state == ReportState.Accepted ? province.NameOf[province.CoordinatorId] : null;
                report.ReturnReason = state == ReportState.Returned ? "Đề nghị bổ sung số liệu chỉ tiêu và minh chứng kèm theo." : null;
                reports.Add(report);
                if (state == ReportState.Draft && random.Next(2) == 0)
                    continue;
                sections.AddRange(template.Sections.Select(s => new UnitReportSection
                {
                    ReportId = report.Id, SectionId = s.Id, Html = VietnameseText.ReportHtml(random, isBig ? 8 : 2),
                }));
                values.AddRange(template.Indicators.Select(x => new UnitReportValue
                {
                    ReportId = report.Id, IndicatorId = x.Id, Value = random.Next(0, 500), IsEstimate = random.Next(10) == 0,
                }));
            }
            if (isBig)
                consolidated.AddRange(template.Sections.Select(s => new ConsolidatedSection { PeriodId = period.Id, SectionId = s.Id, Html = VietnameseText.ReportHtml(random, 12) }));
        }
        await BulkTable.WriteAsync(db, provider, periods, ct);
        await BulkTable.WriteAsync(db, provider, reports, ct);
        await BulkTable.WriteAsync(db, provider, sections, ct);
        await BulkTable.WriteAsync(db, provider, values, ct);
        await BulkTable.WriteAsync(db, provider, consolidated, ct);
        return new Result(1, periods.Count, reports.Count);
    }

    private static ReportTemplate Template(string name, ReportFrequency frequency, int recipient, IEnumerable<Unit> obliged, int sections, int indicators) => new()
    {
        Name = name, Kind = ReportKind.Periodic, Frequency = frequency, DueDay = frequency == ReportFrequency.Yearly ? 5 : 20,
        DueMonth = frequency == ReportFrequency.Yearly ? 12 : null, RecipientUnitId = recipient, Version = 1,
        Obligations = obliged.Select(u => new ReportObligation { UnitId = u.Id }).ToList(),
        Sections = Enumerable.Range(0, sections).Select(i => new TemplateSection { SortOrder = i, Title = $"{i + 1}. Kết quả thực hiện nhiệm vụ trọng tâm số {i + 1}" }).ToList(),
        Indicators = Enumerable.Range(0, indicators).Select(i => new TemplateIndicator
        {
            SortOrder = i, Code = $"CT{i + 1:00}", Name = $"Số văn bản, hồ sơ đã xử lý (chỉ tiêu {i + 1})", Measure = "văn bản",
            Type = IndicatorType.Integer, Aggregation = (Aggregation)(i % 4),
        }).ToList(),
    };

    /// <summary>The template's periods already open on <paramref name="today"/>, newest first, back five years.</summary>
    private static IEnumerable<ReportPeriod> PeriodsOf(ReportTemplate template, DateOnly today)
    {
        var perYear = ReportingPeriods.PerYear(template.Frequency);
        for (var year = today.Year; year > today.Year - 5; year--)
        {
            for (var index = perYear; index >= 1; index--)
            {
                var p = ReportingPeriods.For(template.Frequency, year, index, template.CutOff, template.DueDay, template.DueMonth);
                if (p.DataFrom <= today)
                    yield return new ReportPeriod { Template = template, Label = p.Label, DataFrom = p.DataFrom, DataTo = p.DataTo, DueDate = p.DueDate };
            }
        }
    }

    private static ReportState StateOf(DateOnly due, DateOnly today, Random random)
    {
        var roll = random.Next(100);
        if (due < today.AddDays(-30))
            return roll < 85 ? ReportState.Accepted : roll < 95 ? ReportState.Submitted : ReportState.Draft;
        return roll < 30 ? ReportState.Draft : roll < 40 ? ReportState.AwaitingApproval : roll < 70 ? ReportState.Submitted : roll < 80 ? ReportState.Returned : ReportState.Accepted;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
