using Bunit;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Pages;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Reports;

/// <summary>The report pages rendered against the real app, as the people who use them see them.</summary>
public sealed class ReportPagesTests(Apps apps)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private sealed record Setup(Unit Sent, Unit Missing, int PeriodId, int SentReport, int MissingReport, Unit Province);

    /// <summary>Two units owe a yearly report for 2026; one has sent it with an estimated figure, the other has not.</summary>
    private static async Task<Setup> SetUpAsync(DonDocApp app)
    {
        var province = await app.UnitAsync("UBND thử nghiệm báo cáo", UnitKind.Province);
        var sent = await app.UnitAsync("Sở Đã Gửi " + TestData.UniqueCode());
        var missing = await app.UnitAsync("UBND xã Chưa Gửi " + TestData.UniqueCode(), UnitKind.Commune);
        var head = await app.PrincipalAsync(await app.UserAsync(Roles.UnitHead, sent.Id));
        return await app.WithScopeAsync(async sp =>
        {
            var template = (await sp.GetRequiredService<SaveTemplate>().CreateAsync(new TemplateInput("Báo cáo thử nghiệm", ReportKind.Periodic,
                ReportFrequency.Yearly, 5, 12, province.Id, [sent.Id, missing.Id], [new SectionInput("Kết quả thực hiện")],
                [new IndicatorInput("HS", "Số hồ sơ", "hồ sơ", IndicatorType.Integer, Aggregation.Sum)]), Ct)).Value!;
            var period = (await sp.GetRequiredService<OpenPeriod>().OpenAsync(template.Id, 2026, ct: Ct)).Value!;
            var reports = sp.GetRequiredService<UnitReports>();
            var sentReport = period.Reports.Single(r => r.UnitId == sent.Id);
            var draft = new ReportDraft(new Dictionary<int, string> { [template.Sections[0].Id] = "<p>Đã số hóa 40 hồ sơ.</p>" },
                new Dictionary<int, IndicatorValue> { [template.Indicators[0].Id] = new(40, IsEstimate: true) });
            Assert.True((await reports.SaveDraftAsync(head, sentReport.Id, draft, null, Ct)).Ok);
            Assert.True((await reports.SubmitAsync(head, sentReport.Id, Ct)).Ok);
            return new Setup(sent, missing, period.Id, sentReport.Id, period.Reports.Single(r => r.UnitId == missing.Id).Id, province);
        });
    }

    [Fact]
    public async Task The_coordinator_sees_each_units_status_with_counts_and_can_accept_the_sent_report()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await SetUpAsync(app);
        await using var pages = await PageContext.ForAsync(app, await app.UserAsync(Roles.Coordinator, s.Province.Id));

        var cut = pages.Open<CompletenessTab>($"/bao-cao/ky/{s.PeriodId}", p => p.Add(x => x.PeriodId, s.PeriodId).Add(x => x.CanReview, true));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".unit-report-link").Count));
        Assert.Contains("Chưa nộp: 1", cut.Find($".status-count[data-status='{SubmissionStatus.NotSubmitted}']").TextContent);
        Assert.Contains("Đã nộp đúng hạn: 1", cut.Find($".status-count[data-status='{SubmissionStatus.SubmittedOnTime}']").TextContent);
        Assert.Equal($"/bao-cao/{s.SentReport}", cut.FindAll(".unit-report-link").Single(a => a.TextContent == s.Sent.Name).GetAttribute("href"));
        Assert.Single(cut.FindAll(".accept-report"));

        cut.Find(".accept-report").Click();
        cut.WaitForAssertion(() => Assert.Contains("Đã tiếp nhận: 1", cut.Find($".status-count[data-status='{SubmissionStatus.Accepted}']").TextContent));
        Assert.Empty(cut.FindAll(".accept-report"));
    }

    [Fact]
    public async Task The_consolidation_marks_totals_holding_estimates_and_names_the_units_still_missing()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await SetUpAsync(app);
        await using var pages = await PageContext.ForAsync(app, await app.UserAsync(Roles.Leader, s.Province.Id));

        var cut = pages.Open<ConsolidationTab>($"/bao-cao/ky/{s.PeriodId}", p => p.Add(x => x.PeriodId, s.PeriodId).Add(x => x.CanEdit, false));

        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find(".indicator-total[data-indicator='HS']").TextContent));
        Assert.Single(cut.FindAll(".estimate-mark"));
        Assert.Contains($"Còn 1 đơn vị chưa gửi: {s.Missing.Name}.", cut.Find(".missing-units").TextContent);
        Assert.Contains("Đã số hóa 40 hồ sơ.", cut.Find(".contribution").TextContent);
        // A leader reads the province's text; only the coordinator writes it.
        Assert.Empty(cut.FindAll(".copy-contribution, .save-consolidation, .consolidated-editor"));
    }

    [Fact]
    public async Task An_officer_of_another_unit_is_told_the_report_is_not_found()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await SetUpAsync(app);
        await using var pages = await PageContext.ForAsync(app, await app.UserAsync(Roles.UnitOfficer, s.Missing.Id));

        var cut = pages.Open<UnitReportPage>($"/bao-cao/{s.SentReport}", p => p.Add(x => x.Id, s.SentReport));

        cut.WaitForAssertion(() => Assert.Equal("Không tìm thấy báo cáo", cut.Find("h1").TextContent));
        Assert.DoesNotContain("Đã số hóa 40 hồ sơ", cut.Markup);
    }

    [Fact]
    public async Task The_unit_officer_writes_their_own_draft_and_sends_it_to_the_head()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await SetUpAsync(app);
        await using var pages = await PageContext.ForAsync(app, await app.UserAsync(Roles.UnitOfficer, s.Missing.Id));

        var cut = pages.Open<UnitReportPage>($"/bao-cao/{s.MissingReport}", p => p.Add(x => x.Id, s.MissingReport));

        cut.WaitForAssertion(() => Assert.Equal("Trình thủ trưởng", cut.Find(".submit-report").TextContent.Trim()));
        Assert.Equal("Dự thảo", cut.Find(".report-state").TextContent.Trim());
        Assert.Single(cut.FindAll(".section-editor"));
        Assert.Empty(cut.FindAll(".accept-report"));
    }

    [Theory]
    [InlineData("<p>Đã làm.</p><ul><li>Việc một</li></ul>", "<p data-source-unit=\"Sở X\">Đã làm.</p><ul><li data-source-unit=\"Sở X\">Việc một</li></ul>")]
    [InlineData("Chữ trơn", "<p data-source-unit=\"Sở X\">Chữ trơn</p>")]
    [InlineData("<p data-source-unit=\"Sở Y\">Của sở khác</p>", "<p data-source-unit=\"Sở Y\">Của sở khác</p>")]
    [InlineData("  ", "")]
    public void A_copied_passage_keeps_the_unit_it_came_from(string html, string marked) =>
        Assert.Equal(marked, SourceMark.Mark(html, "Sở X"));
}
