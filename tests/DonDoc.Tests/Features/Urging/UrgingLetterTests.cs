using System.Net;
using System.Net.Http.Json;
using Bunit;
using DonDoc.Documents;
using DonDoc.Features.Reports;
using DonDoc.Features.Tasks;
using DonDoc.Features.Urging;
using DonDoc.Features.Users;
using DonDoc.Tests.Browser;
using DonDoc.Tests.Documents;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Tests.Features.Urging;

/// <summary>The văn bản đôn đốc: what it lists, what it records, how Word and LibreOffice read it, and what it refuses.</summary>
public sealed class UrgingLetterTests(Apps apps) : IDisposable
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private readonly LibreOffice _office = new();

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_letter_to_three_units_lists_each_unit_s_overdue_tasks_with_days_late_and_is_recorded_and_counted(Provider provider)
    {
        var app = apps.For(provider);
        var s = await UrgingScenario.CreateAsync(app);

        var response = await s.UrgeAsync(new { unitIds = s.UnitIds, planId = s.PlanId });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(OfficialDocumentWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("van-ban-don-doc-2026-11-27-", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var docx = new Docx(await response.Content.ReadAsByteArrayAsync(Ct));
        docx.Paragraph($"V/v đôn đốc thực hiện Kế hoạch số {UrgingScenario.PlanSymbol}");
        docx.Paragraph("Kính gửi:\t- Sở Tư pháp;");
        docx.Paragraph("- Sở Y tế;");
        docx.Paragraph("- Ủy ban nhân dân xã Đô Lương.");
        var order = new[] { "1. Sở Tư pháp: 2 nhiệm vụ quá hạn", "2. Sở Y tế: 1 nhiệm vụ quá hạn", "3. Ủy ban nhân dân xã Đô Lương: 1 nhiệm vụ quá hạn" }
            .Select(docx.IndexOf).ToList();
        Assert.Equal(order.Order(), order);
        var tables = ContentTables(docx);
        Assert.Equal(3, tables.Count);
        Assert.Equal(["TT", "Nhiệm vụ", "Hạn", "Số ngày quá hạn"], tables[0][0]);
        Assert.Equal([("31/10/2026", "27"), ("20/11/2026", "7")], tables[0].Skip(1).Select(r => (r[2], r[3])));
        Assert.Contains("Rà soát, sửa đổi quy chế làm việc của cơ quan", tables[0][1][1]);
        Assert.Equal([("30/09/2026", "58")], tables[1].Skip(1).Select(r => (r[2], r[3])));
        Assert.Equal([("26/11/2026", "1")], tables[2].Skip(1).Select(r => (r[2], r[3])));
        // 27/11/2026 is a Friday: five working days on is Friday 04/12/2026.
        Assert.Contains(docx.Body.Descendants<W.Paragraph>(), p => Docx.Text(p).Contains("về Sở Nội vụ trước ngày 04/12/2026", StringComparison.Ordinal));
        Assert.DoesNotContain("Sơ kết một năm thực hiện", Docx.Text(docx.Body));
        Assert.DoesNotContain("Việc quá hạn của kế hoạch khác", Docx.Text(docx.Body));

        // Urging Sở Tư pháp once more, on its own: it has now been urged twice, the others once.
        Assert.Equal(HttpStatusCode.OK, (await s.UrgeAsync(new { unitIds = new[] { s.Justice.Id }, planId = s.PlanId })).StatusCode);
        var board = await s.Coordinator.GetFromJsonAsync<List<UnitGroup>>($"/api/v1/urging/overdue?planId={s.PlanId}", Ct);
        Assert.Equal([(s.Justice.Id, 2, 2), (s.Health.Id, 1, 1), (s.Commune.Id, 1, 1)], board!.Select(g => (g.UnitId, g.Items.Count, g.TimesUrged)));
        var history = await s.Coordinator.GetFromJsonAsync<List<LetterDto>>($"/api/v1/urging-letters?unitId={s.Health.Id}", Ct);
        var letter = Assert.Single(history!);
        Assert.Equal([s.Justice.Id, s.Health.Id, s.Commune.Id], letter.Units.Select(u => u.UnitId));
        Assert.Equal([2, 1, 1], letter.Units.Select(u => u.Items));
        Assert.Equal((UrgingKind.Tasks, s.PlanId, new DateOnly(2026, 12, 4)), (letter.Kind, letter.PlanId, letter.ReplyBy));

        // The task's own history shows both letters that named it, with the days late on the day.
        var naming = await s.Coordinator.GetFromJsonAsync<List<LetterDto>>($"/api/v1/urging-letters?occurrenceId={s.JusticeNovember.Id}", Ct);
        Assert.Equal(2, naming!.Count);
        var again = await s.Coordinator.GetAsync(letter.DocxUrl, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var redownloaded = new Docx(await again.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(tables, ContentTables(redownloaded));
    }

    [Fact]
    public async Task The_task_page_shows_the_letters_that_urged_the_task()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await UrgingScenario.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await s.UrgeAsync(new { unitIds = s.UnitIds, planId = s.PlanId, symbol = "312/SNV-CCHC" })).StatusCode);
        var officer = await app.UserAsync(Roles.UnitOfficer, s.Justice.Id);
        await using var pages = await PageContext.ForAsync(app, officer);

        var cut = pages.Open<TaskDetailPage>($"/nhiem-vu/{s.JusticeOctober.Id}", p => p.Add(x => x.Id, s.JusticeOctober.Id));

        cut.WaitForAssertion(() =>
        {
            var section = cut.Find(".urged");
            var text = WebUtility.HtmlDecode(section.TextContent);
            Assert.Contains("Đã đôn đốc", text);
            Assert.Contains("Văn bản số 312/SNV-CCHC ngày 27/11/2026", text);
            Assert.Contains("quá hạn 27 ngày", text);
        });
    }

    [Fact]
    public async Task A_letter_for_three_units_opens_in_LibreOffice_and_reads_in_Vietnamese()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await UrgingScenario.CreateAsync(app);
        var response = await s.UrgeAsync(new { unitIds = s.UnitIds, planId = s.PlanId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        LibreOffice.RequireTools();
        var pdf = await _office.ToPdfAsync(await response.Content.ReadAsByteArrayAsync(Ct), "van-ban-don-doc", Ct);
        var text = await _office.TextAsync(pdf, Ct);

        foreach (var expected in new[] { "UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "V/v đôn đốc thực hiện Kế hoạch số", UrgingScenario.PlanSymbol, "Kính gửi:", "- Sở Tư pháp;", "- Ủy ban nhân dân xã Đô Lương.",
                     "Số ngày quá", "Rà soát, sửa đổi quy chế làm việc", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nơi nhận:", "- Lưu: VT." })
            Assert.Contains(expected, text);
        await LibreOffice.RenderPageAsync(pdf, 1, Path.Combine(BrowserFixture.ScreenshotDirectory, "van-ban-don-doc-trang-1.png"), Ct);
    }

    [Fact]
    public async Task In_the_UBND_tinh_s_name_the_letter_is_signed_for_the_committee_and_asks_for_the_report_through_So_Noi_vu()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await UrgingScenario.CreateAsync(app);

        var response = await s.UrgeAsync(new { unitIds = new[] { s.Health.Id }, issueAsProvince = true, replyWithinWorkingDays = 10, symbol = "45/UBND-NC" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var docx = new Docx(await response.Content.ReadAsByteArrayAsync(Ct));
        docx.Paragraph("ỦY BAN NHÂN DÂN");
        docx.Paragraph("TỈNH NGHỆ AN");
        docx.Paragraph("Số: 45/UBND-NC");
        docx.Paragraph("V/v đôn đốc thực hiện các nhiệm vụ quá hạn");
        docx.Paragraph("Kính gửi: Sở Y tế.");
        docx.Paragraph("TM. ỦY BAN NHÂN DÂN");
        docx.Paragraph("KT. CHỦ TỊCH");
        // Without a plan the task names its plan; 10 working days from Friday 27/11/2026 is Friday 11/12/2026.
        Assert.Contains($"Kế hoạch số {UrgingScenario.PlanSymbol}, mục", ContentTables(docx)[0][1][1]);
        Assert.Contains(docx.Body.Descendants<W.Paragraph>(), p => Docx.Text(p).Contains(
            "về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 11/12/2026", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_letter_for_a_period_s_missing_reports_lists_the_units_that_have_not_sent_theirs(Provider provider)
    {
        var app = apps.For(provider);
        var s = await UrgingScenario.CreateAsync(app);
        var template = await (await s.Coordinator.PostAsJsonAsync("/api/v1/report-templates", new
        {
            name = "Báo cáo kết quả thực hiện công tác dân vận", kind = "Periodic", frequency = "Yearly", dueDay = 20, dueMonth = 11,
            recipientUnitId = s.Agency.Id, obligedUnitIds = s.UnitIds, sections = new object[] { new { title = "Kết quả" } },
        }, Ct)).Content.ReadFromJsonAsync<ReportEndpoints.TemplateDto>(Ct);
        var period = await (await s.Coordinator.PostAsJsonAsync($"/api/v1/report-templates/{template!.Id}/periods", new { year = 2026 }, Ct))
            .Content.ReadFromJsonAsync<PeriodDto>(Ct);
        var completeness = await s.Coordinator.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{period!.Id}/completeness", Ct);
        var (head, _, _) = await app.SignedInAsync(Roles.UnitHead, s.Health);
        var healthReport = completeness!.Rows.Single(r => r.UnitId == s.Health.Id).ReportId;
        await head.PutAsJsonAsync($"/api/v1/reports/{healthReport}", new { sections = new Dictionary<int, string> { [template.Sections[0].Id] = "<p>Đã thực hiện.</p>" } }, Ct);
        Assert.True((await head.PostAsync($"/api/v1/reports/{healthReport}/submit", null, Ct)).IsSuccessStatusCode);

        var refused = await s.UrgeAsync(new { unitIds = s.UnitIds, periodId = period.Id });
        var response = await s.UrgeAsync(new { unitIds = new[] { s.Justice.Id, s.Commune.Id }, periodId = period.Id });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Sở Y tế: đã gửi báo cáo kỳ này", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var docx = new Docx(await response.Content.ReadAsByteArrayAsync(Ct));
        docx.Paragraph("V/v đôn đốc gửi báo cáo kết quả thực hiện công tác dân vận năm 2026");
        docx.Paragraph("1. Sở Tư pháp: 1 báo cáo chưa gửi");
        var tables = ContentTables(docx);
        Assert.Equal(["TT", "Báo cáo", "Hạn gửi", "Số ngày chậm"], tables[0][0]);
        Assert.Equal(["1", "Báo cáo kết quả thực hiện công tác dân vận năm 2026", "20/11/2026", "7"], tables[0][1]);
        Assert.Equal(2, tables.Count);
        var history = await s.Coordinator.GetFromJsonAsync<List<LetterDto>>($"/api/v1/urging-letters?unitId={s.Commune.Id}", Ct);
        Assert.Equal((UrgingKind.Reports, period.Id), (Assert.Single(history!).Kind, history![0].PeriodId));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task With_no_unit_or_a_unit_with_nothing_overdue_the_letter_is_refused_in_Vietnamese_and_nothing_is_recorded(Provider provider)
    {
        var app = apps.For(provider);
        var s = await UrgingScenario.CreateAsync(app);
        var idle = await app.UnitAsync("Sở Ngoại vụ");

        var none = await s.UrgeAsync(new { unitIds = Array.Empty<int>() });
        var withIdle = await s.UrgeAsync(new { unitIds = new[] { s.Justice.Id, idle.Id }, planId = s.PlanId });
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, s.Justice);
        var byOfficer = await officer.PostAsJsonAsync("/api/v1/urging-letters", new { unitIds = s.UnitIds }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Hãy chọn ít nhất một cơ quan, đơn vị cần đôn đốc.", await none.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, withIdle.StatusCode);
        Assert.Contains("Sở Ngoại vụ: không có nhiệm vụ quá hạn trong kế hoạch này", await withIdle.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Empty((await s.Coordinator.GetFromJsonAsync<List<LetterDto>>($"/api/v1/urging-letters?unitId={s.Justice.Id}", Ct))!);
    }

    /// <summary>The letter's own tables (not the header and signature layout), as rows of cell texts.</summary>
    private static List<List<List<string>>> ContentTables(Docx docx) => docx.Body.Elements<W.Table>()
        .Select(t => t.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => string.Join("\n", Docx.Lines(c))).ToList()).ToList())
        .Where(rows => rows.Count > 0 && rows[0].Count > 0 && rows[0][0] == "TT")
        .ToList();

    public void Dispose() => _office.Dispose();
}
