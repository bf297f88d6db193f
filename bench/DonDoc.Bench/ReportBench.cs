using System.Diagnostics;
using System.Globalization;
using System.Text;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Documents;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Bench;

/// <summary>
/// Times what the coordinator's "download the province's report" does for a period of 200 unit reports, each with
/// 10 sections and 30 indicators: the consolidation and completeness queries, then the .docx with its appendices.
/// </summary>
internal static class ReportBench
{
    private const int Units = 200, Sections = 10, Indicators = 30, Warmup = 2;

    public static async Task RunAsync(string? postgres, int runs)
    {
        await using var database = await BenchDatabase.CreateAsync(postgres);
        Console.Error.WriteLine($"Nạp {Units} báo cáo vào {database.Provider}…");
        var seeding = Stopwatch.StartNew();
        int periodId;
        await using (var bulk = await database.BulkContextAsync())
            periodId = await SeedAsync(bulk);
        seeding.Stop();

        var today = VietnamTime.Today(TimeProvider.System);
        var times = new List<double>();
        long allocated = 0, size = 0;
        for (var i = 0; i < Warmup + runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            await using var scope = database.Scope();
            var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
            var consolidation = (await ReportQueries.ConsolidationAsync(db, periodId))!;
            var completeness = (await ReportQueries.CompletenessAsync(db, periodId, UnitScope.Everything, today))!;
            var bytes = OfficialDocumentWriter.ToBytes(await ReportDocuments.ConsolidatedAsync(db, consolidation, completeness, today));
            watch.Stop();
            if (i < Warmup)
                continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            size = bytes.Length;
        }
        times.Sort();
        var p50 = times[times.Count / 2];
        var max = times[^1];
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"### {database.Provider}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd}: {BenchReport.Machine()}, .NET {Environment.Version}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Data: {Units} unit reports × {Sections} sections (≈2 KB of text each) × {Indicators} indicators, all accepted; "
                + $"loaded in {seeding.Elapsed.TotalSeconds:0.0} s. {runs} runs after {Warmup} warm-up runs, each on a new context.")
            .AppendLine()
            .AppendLine("| Step | p50 (ms) | max (ms) | Allocated per run | .docx size |")
            .AppendLine("|---|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Consolidation + completeness + .docx with 3 appendices | {p50:0} | {max:0} | {allocated / 1024.0 / 1024.0:0.0} MB | {size / 1024.0:0} KB |");
        Console.WriteLine(md);
        BenchReport.Write($"reports:{database.Provider}", md.ToString());
    }

    private static async Task<int> SeedAsync(DonDocDbContext db)
    {
        var units = (await BenchData.UnitsAsync(db)).Skip(1).Take(Units).ToList();
        var template = new ReportTemplate
        {
            Name = "Báo cáo kết quả thực hiện cải cách hành chính", Kind = ReportKind.Periodic, Frequency = ReportFrequency.Yearly, DueDay = 5, DueMonth = 12,
            RecipientUnitId = units[0].Id,
            Obligations = units.Select(u => new ReportObligation { UnitId = u.Id }).ToList(),
            Sections = Enumerable.Range(0, Sections).Select(i => new TemplateSection { SortOrder = i, Title = $"Kết quả thực hiện nhiệm vụ số {i + 1}" }).ToList(),
            Indicators = Enumerable.Range(0, Indicators).Select(i => new TemplateIndicator
            {
                SortOrder = i, Code = $"CT{i + 1:00}", Name = $"Chỉ tiêu thử nghiệm số {i + 1}", Measure = "đơn vị", Type = IndicatorType.Integer,
                Aggregation = (Aggregation)(i % 5),
            }).ToList(),
        };
        db.ReportTemplates.Add(template);
        await db.SaveChangesAsync();
        var period = new ReportPeriod
        {
            TemplateId = template.Id, Label = "2025", DataFrom = new DateOnly(2024, 12, 15), DataTo = new DateOnly(2025, 12, 14),
            DueDate = new DateOnly(2025, 12, 5), OpenedAt = DateTime.UtcNow,
        };
        var paragraph = "<p>Cơ quan đã quán triệt, triển khai đầy đủ các nhiệm vụ được giao; ban hành kế hoạch, văn bản hướng dẫn, "
            + "tổ chức kiểm tra việc thực hiện tại các đơn vị trực thuộc và kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.</p>";
        var html = string.Concat(Enumerable.Repeat(paragraph, 8));
        period.Reports = units.Select((u, n) => new UnitReport
        {
            UnitId = u.Id, State = ReportState.Accepted, FirstSubmittedOn = new DateOnly(2025, 12, 1 + n % 10), SubmittedAt = DateTime.UtcNow,
            Sections = template.Sections.Select(s => new UnitReportSection { SectionId = s.Id, Html = html }).ToList(),
            Values = template.Indicators.Select(x => new UnitReportValue { IndicatorId = x.Id, Value = (n * 7 + x.SortOrder) % 97, IsEstimate = n % 9 == 0 }).ToList(),
        }).ToList();
        period.Consolidated = template.Sections.Select(s => new ConsolidatedSection { SectionId = s.Id, Html = html + html }).ToList();
        db.ReportPeriods.Add(period);
        await db.SaveChangesAsync();
        return period.Id;
    }
}
