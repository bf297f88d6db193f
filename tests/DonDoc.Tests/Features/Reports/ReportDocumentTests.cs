using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Browser;
using DonDoc.Tests.Documents;
using DonDoc.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Tests.Features.Reports;

/// <summary>The province's report of a period as Word writes it and LibreOffice reads it.</summary>
public sealed class ReportDocumentTests(Apps apps) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly LibreOffice _office = new();

    [Fact]
    public async Task The_consolidated_report_has_the_decree_s_blocks_the_coordinator_s_text_and_the_tables_and_opens_in_LibreOffice()
    {
        var app = apps.For(Provider.Sqlite);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var a = await app.UnitAsync("Sở Văn hóa " + TestData.UniqueCode());
        var b = await app.UnitAsync("Ủy ban nhân dân xã Đô Lương " + TestData.UniqueCode(), UnitKind.Commune);
        var template = await (await coordinator.PostAsJsonAsync("/api/v1/report-templates", new
        {
            name = "Báo cáo kết quả thực hiện cải cách hành chính", kind = "Periodic", frequency = "Yearly", dueDay = 5, dueMonth = 12,
            recipientUnitId = province.Id, obligedUnitIds = new[] { a.Id, b.Id },
            sections = new object[] { new { title = "Kết quả thực hiện nhiệm vụ" }, new { title = "Tồn tại, hạn chế" } },
            indicators = new object[] { new { code = "TTHC", name = "Số thủ tục được đơn giản hóa", measure = "thủ tục", type = "Integer", aggregation = "Sum" } },
        }, Ct)).Content.ReadFromJsonAsync<ReportEndpoints.TemplateDto>(Ct);
        var period = await (await coordinator.PostAsJsonAsync($"/api/v1/report-templates/{template!.Id}/periods", new { year = 2026 }, Ct))
            .Content.ReadFromJsonAsync<PeriodDto>(Ct);
        var completeness = await coordinator.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{period!.Id}/completeness", Ct);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, a);
        var (head, _, _) = await app.SignedInAsync(Roles.UnitHead, a);
        var reportId = completeness!.Rows.Single(r => r.UnitId == a.Id).ReportId;
        var draft = await officer.PutAsJsonAsync($"/api/v1/reports/{reportId}", new
        {
            sections = new Dictionary<int, string> { [template.Sections[0].Id] = "<p>Đã tổ chức 12 hội nghị quán triệt.</p>" },
            values = new Dictionary<int, IndicatorValue> { [template.Indicators[0].Id] = new(17, IsEstimate: true) },
        }, Ct);
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync(Ct));
        Assert.True((await head.PostAsync($"/api/v1/reports/{reportId}/submit", null, Ct)).IsSuccessStatusCode);
        var consolidation = await coordinator.GetFromJsonAsync<Consolidation>($"/api/v1/report-periods/{period.Id}/consolidation", Ct);
        await coordinator.PutAsJsonAsync($"/api/v1/report-periods/{period.Id}/consolidation", new
        {
            sections = new Dictionary<int, string>
            {
                [template.Sections[0].Id] = "<p>Các cơ quan, đơn vị đã <b>quán triệt</b> Nghị quyết.</p><ul><li>Tổ chức hội nghị;</li><li>Đăng tin trên cổng thông tin.</li></ul>",
            },
            reportSymbol = "125/BC-UBND", version = consolidation!.Version,
        }, Ct);

        var response = await coordinator.GetAsync($"/api/v1/report-periods/{period.Id}/consolidated.docx", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var unitDocx = await officer.GetAsync($"/api/v1/reports/{reportId}.docx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unitDocx.StatusCode);
        using var docx = new Docx(bytes);
        var order = new[] { "Số: 125/BC-UBND", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "- Tổ chức hội nghị;", "II. TỒN TẠI, HẠN CHẾ", "TM. ỦY BAN NHÂN DÂN" }
            .Select(docx.IndexOf).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Contains(docx.Body.Descendants<W.Run>(), r => Docx.Text(r) == "quán triệt" && r.RunProperties?.Bold is not null);
        Assert.Equal(4, docx.Sections.Count);   // the report, then three appendices: totals, by unit, submissions
        LibreOffice.RequireTools();
        var pdf = await _office.ToPdfAsync(bytes, "bao-cao-tong-hop-ky", Ct);
        var text = await _office.TextAsync(pdf, Ct);
        foreach (var expected in new[] { "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Các cơ quan, đơn vị đã quán triệt Nghị quyết.",
                     "Số thủ tục được đơn giản hóa", "Có số ước thực hiện", a.Name, "Chưa nộp" })
            Assert.Contains(expected, text);
        await LibreOffice.RenderPageAsync(pdf, 1, Path.Combine(BrowserFixture.ScreenshotDirectory, "bao-cao-tong-hop-trang-1.png"), Ct);
    }

    public void Dispose() => _office.Dispose();
}
