using System.Globalization;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Documents;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

/// <summary>
/// The province's consolidated report and a unit's own report as Word documents in the layout of Nghị định
/// 30/2020/NĐ-CP, with the indicator and submission tables as appendices.
/// </summary>
public static class ReportDocuments
{
    private static readonly CultureInfo Vi = VietnamTime.Culture;

    /// <summary>Without a province in the unit registry the place is left dotted, to be written in by hand.</summary>
    private const string NoProvince = "Ủy ban nhân dân tỉnh ……";

    /// <summary>The UBND tỉnh's report of a period: the coordinator's text per section, then the tables.</summary>
    public static async Task<OfficialDocument> ConsolidatedAsync(DonDocDbContext db, Consolidation c, Completeness completeness, DateOnly today,
        CancellationToken ct = default)
    {
        var province = await ProvinceAsync(db, ct) ?? NoProvince;
        var place = DocumentText.PlaceOf(province);
        var subject = Subject(c.Period);
        var body = new List<Block>
        {
            new Paragraph($"Ủy ban nhân dân tỉnh báo cáo {DocumentText.LowerFirst(subject)} (số liệu từ ngày {VietnamTime.Date(c.Period.DataFrom)} đến ngày {VietnamTime.Date(c.Period.DataTo)}), "
                + $"tổng hợp từ báo cáo của {completeness.Rows.Count - c.MissingUnits.Count}/{completeness.Rows.Count} cơ quan, đơn vị, như sau:"),
        };
        foreach (var s in c.Sections)
        {
            body.Add(new Heading(1, s.Section.Title));
            var blocks = HtmlBlocks.From(s.ConsolidatedHtml).ToList();
            body.AddRange(blocks.Count > 0 ? blocks : [new Paragraph([new Inline("(Chưa tổng hợp nội dung mục này.)", Italic: true)])]);
        }
        if (c.MissingUnits.Count > 0)
            body.Add(new Paragraph([new Inline($"Đến ngày {VietnamTime.Date(today)}, còn {c.MissingUnits.Count} cơ quan, đơn vị chưa gửi báo cáo (Phụ lục kèm theo).", Italic: true)]));
        body.Add(new Paragraph($"Trên đây là {DocumentText.LowerFirst(subject)} của Ủy ban nhân dân tỉnh./."));
        return new OfficialDocument
        {
            Issuer = new Issuer(["Ủy ban nhân dân", province.Replace("Ủy ban nhân dân ", "", StringComparison.OrdinalIgnoreCase)]),
            Number = new DocumentNumber(NumberOf(c.ReportSymbol), SymbolOf(c.ReportSymbol, "BC-UBND")),
            Date = c.ReportSymbol is null ? DateLine.Blank(place, today.Year) : DateLine.On(place, today),
            Title = DocumentTitle.Typed("Báo cáo", DocumentText.UpperFirst(subject)),
            Body = body,
            Signature = new Signature(["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"], ""),
            Distribution = new Distribution(["Văn phòng Chính phủ (để b/c)", "Bộ Nội vụ (để b/c)", "Thường trực Tỉnh ủy (để b/c)",
                "Thường trực HĐND tỉnh (để b/c)", "Chủ tịch, các PCT UBND tỉnh", "Các sở, ban, ngành cấp tỉnh", "UBND các xã, phường"], "NC"),
            Appendices = Appendices(c, completeness),
        };
    }

    /// <summary>A unit's own report, issued by the unit to the receiving body.</summary>
    public static async Task<OfficialDocument> UnitAsync(DonDocDbContext db, ReportDetail r, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == r.UnitId).Select(u => new { u.Name, Parent = u.Parent != null ? u.Parent.Name : null })
            .FirstAsync(ct);
        var province = await ProvinceAsync(db, ct);
        var subject = Subject(r.Period);
        var body = new List<Block>();
        foreach (var s in r.Sections)
        {
            body.Add(new Heading(1, s.Title));
            body.AddRange(HtmlBlocks.From(r.Texts.GetValueOrDefault(s.Id)));
        }
        if (r.Indicators.Count > 0)
        {
            body.Add(new Heading(1, "Số liệu"));
            body.Add(new Table([new("Chỉ tiêu", 6), new("Đơn vị tính", 2, CellAlign.Center), new("Số liệu", 2, CellAlign.Right)],
                r.Indicators.Select(i => (IReadOnlyList<string>)[i.Name, i.Measure ?? "", Figure(i, r.Values.GetValueOrDefault(i.Id))])));
        }
        var submitted = r.Submissions.Count > 0 ? DateOnly.FromDateTime(VietnamTime.ToLocal(r.Submissions[0].SubmittedAt)) : (DateOnly?)null;
        var place = DocumentText.PlaceOf(province ?? NoProvince);
        return new OfficialDocument
        {
            Issuer = new Issuer([unit.Name], unit.Parent is { } p ? Short(p) : null),
            Number = new DocumentNumber(null, "BC"),
            Date = submitted is { } d ? DateLine.On(place, d) : DateLine.Blank(place, r.Period.DueDate.Year),
            Title = DocumentTitle.Typed("Báo cáo", DocumentText.UpperFirst(subject)),
            Body = body,
            Signature = new Signature(["Thủ trưởng đơn vị"], r.SubmittedInNameOf ?? ""),
            Distribution = new Distribution([$"{province ?? "UBND tỉnh"} (qua Sở Nội vụ)"], ""),
        };
    }

    private static List<Appendix> Appendices(Consolidation c, Completeness completeness)
    {
        var appendices = new List<Appendix>();
        if (c.Indicators.Count > 0)
        {
            appendices.Add(new Appendix($"Tổng hợp chỉ tiêu {ReportingPeriods.Words(c.Period.Label)}", [
                new Table([new("TT", 1, CellAlign.Center), new("Chỉ tiêu", 7), new("Đơn vị tính", 2, CellAlign.Center), new("Toàn tỉnh", 2, CellAlign.Right),
                        new("Số đơn vị có số liệu", 2, CellAlign.Right), new("Ghi chú", 3)],
                    c.Indicators.Select((x, i) => (IReadOnlyList<string>)[(i + 1).ToString(Vi), x.Indicator.Name, x.Indicator.Measure ?? "",
                        Number(x.Total.Value), x.Total.Reporting.ToString(Vi),
                        (x.Total.ContainsEstimates ? "Có số ước thực hiện; " : "") + x.Indicator.Aggregation.Label()])),
            ]) { Landscape = true });
            var byUnit = c.Indicators.SelectMany(x => x.ByUnit).Select(f => f.UnitName).Distinct().ToList();
            appendices.Add(new Appendix("Chỉ tiêu theo đơn vị", [
                new Table([new("Đơn vị", 4), .. c.Indicators.Select(x => new Column(x.Indicator.Code, 1, CellAlign.Right))],
                    byUnit.Select(name => (IReadOnlyList<string>)[name, .. c.Indicators.Select(x =>
                        x.ByUnit.FirstOrDefault(f => f.UnitName == name) is { } f ? Number(f.Value) + (f.IsEstimate ? "*" : "") : "")]))
                {
                    Total = ["Toàn tỉnh", .. c.Indicators.Select(x => Number(x.Total.Value))],
                },
                new Paragraph([new Inline("(*) Số ước thực hiện đến hết kỳ báo cáo.", Italic: true)]),
            ]) { Landscape = true });
        }
        appendices.Add(new Appendix($"Tình hình gửi báo cáo {ReportingPeriods.Words(c.Period.Label)}", [
            new Table([new("TT", 1, CellAlign.Center), new("Cơ quan, đơn vị", 7), new("Tình hình", 3), new("Số ngày muộn", 2, CellAlign.Right)],
                completeness.Rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(Vi), r.UnitName, r.StatusLabel, r.DaysLate?.ToString(Vi) ?? ""])),
        ]));
        return appendices;
    }

    private static string Figure(IndicatorDto i, IndicatorValue? v) => v?.Value is not { } value ? "" : IndicatorRules.Text(value, i.Type) + (v.IsEstimate ? " (ước)" : "");

    private static string Number(decimal? n) => n is { } v ? IndicatorRules.Text(v) : "";

    /// <summary>The province at the top of the unit registry, or null when the registry has none.</summary>
    private static Task<string?> ProvinceAsync(DonDocDbContext db, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Name).FirstOrDefaultAsync(ct);

    /// <summary>"Báo cáo kết quả … năm 2025" → "kết quả … năm 2025", what the report is about.</summary>
    private static string Subject(PeriodDto period) =>
        $"{period.TemplateName.Replace("Báo cáo ", "", StringComparison.OrdinalIgnoreCase)} {ReportingPeriods.Words(period.Label)}";

    private static string Short(string name) => name.Replace("Ủy ban nhân dân", "UBND", StringComparison.OrdinalIgnoreCase);

    private static int? NumberOf(string? symbol) =>
        symbol is not null && int.TryParse(symbol.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string SymbolOf(string? symbol, string fallback) => symbol is not null && symbol.Contains('/') ? symbol[(symbol.IndexOf('/') + 1)..] : fallback;
}
