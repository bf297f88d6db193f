using DonDoc.Features.Reports.Rules;

namespace DonDoc.Tests.Features.Reports;

public sealed class ReportRulesTests
{
    private static readonly CutOffRule Decree = CutOffRule.Decree09;

    [Theory]
    [InlineData(ReportFrequency.Monthly, 2025, 3, "Tháng 3/2025", "2025-02-15", "2025-03-14", "2025-03-20")]
    [InlineData(ReportFrequency.Monthly, 2025, 1, "Tháng 1/2025", "2024-12-15", "2025-01-14", "2025-01-20")]   // across the year end
    [InlineData(ReportFrequency.Quarterly, 2025, 2, "Quý II/2025", "2025-03-15", "2025-06-14", "2025-06-20")]
    [InlineData(ReportFrequency.HalfYear, 2025, 1, "6 tháng đầu năm 2025", "2024-12-15", "2025-06-14", "2025-06-20")]
    [InlineData(ReportFrequency.NineMonth, 2025, 1, "9 tháng năm 2025", "2024-12-15", "2025-09-14", "2025-09-20")]
    [InlineData(ReportFrequency.Yearly, 2025, 1, "2025", "2024-12-15", "2025-12-14", "2025-12-20")]
    public void Periods_cut_off_their_data_as_Decree_09_says(ReportFrequency f, int year, int index, string label, string from, string to, string due)
    {
        var period = ReportingPeriods.For(f, year, index, Decree, dueDay: 20);

        Assert.Equal(new ReportingPeriod(label, DateOnly.Parse(from), DateOnly.Parse(to), DateOnly.Parse(due)), period);
    }

    [Fact]
    public void The_seed_s_yearly_report_is_due_on_5_December_before_the_data_cut_off()
    {
        var period = ReportingPeriods.For(ReportFrequency.Yearly, 2025, 1, Decree, dueDay: 5, dueMonth: 12);

        Assert.Equal(new DateOnly(2025, 12, 5), period.DueDate);
        Assert.True(period.DueDate < period.DataTo);
    }

    [Fact]
    public void A_due_day_past_the_month_end_falls_on_its_last_day()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ReportingPeriods.For(ReportFrequency.Monthly, 2024, 2, Decree, dueDay: 31).DueDate);
        Assert.Equal(new DateOnly(2025, 2, 28), ReportingPeriods.For(ReportFrequency.Monthly, 2025, 2, Decree, dueDay: 31).DueDate);
        Assert.Equal(new DateOnly(2025, 3, 10), ReportingPeriods.For(ReportFrequency.Monthly, 2025, 3, new CutOffRule(1, 10), dueDay: 12).DataTo);
    }

    [Theory]
    [InlineData(ReportState.Draft, null, "2025-12-05", SubmissionStatus.NotSubmitted, null)]
    [InlineData(ReportState.Draft, null, "2025-12-08", SubmissionStatus.NotSubmitted, 3)]
    [InlineData(ReportState.AwaitingApproval, null, "2025-12-06", SubmissionStatus.NotSubmitted, 1)]
    [InlineData(ReportState.Submitted, "2025-12-05", "2025-12-20", SubmissionStatus.SubmittedOnTime, null)]
    [InlineData(ReportState.Submitted, "2025-12-09", "2025-12-20", SubmissionStatus.SubmittedLate, 4)]
    [InlineData(ReportState.Returned, "2025-12-01", "2025-12-20", SubmissionStatus.Returned, null)]
    [InlineData(ReportState.Accepted, "2026-01-02", "2026-02-01", SubmissionStatus.Accepted, 28)]
    public void Lateness_is_judged_on_the_first_submission(ReportState state, string? submitted, string today, SubmissionStatus status, int? late)
    {
        var s = SubmissionRules.Of(state, submitted is null ? null : DateOnly.Parse(submitted), new DateOnly(2025, 12, 5), DateOnly.Parse(today));

        Assert.Equal(new Submission(status, late), s);
    }

    [Theory]
    [InlineData("2.400", 2400.0)]
    [InlineData("93,5", 93.5)]
    [InlineData(" -1.234.567,25 ", -1234567.25)]
    [InlineData("2400", 2400.0)]
    [InlineData("93.5", null)]        // an English decimal point: refused rather than read as 935
    [InlineData("1.23", null)]
    [InlineData(".500", null)]
    [InlineData("1,2,3", null)]
    [InlineData("mười", null)]
    [InlineData("", null)]
    public void Figures_are_read_the_Vietnamese_way_and_a_misplaced_dot_is_not_guessed(string text, double? expected)
    {
        Assert.Equal(expected is { } e ? (decimal)e : null, IndicatorRules.ParseFigure(text));
    }

    [Fact]
    public void A_figure_the_database_cannot_keep_exactly_is_refused()
    {
        var rule = new IndicatorRule("Kinh phí", IndicatorType.Decimal, null, null, false);

        Assert.Null(IndicatorRules.Validate(rule, 99_999_999_999_999.9999m));
        Assert.Contains("tối đa 14 chữ số", IndicatorRules.Validate(rule, 100_000_000_000_000m));
        Assert.Contains("4 chữ số sau dấu phẩy", IndicatorRules.Validate(rule, 1.23456m));
    }

    [Fact]
    public void Each_aggregation_totals_the_figures_given_and_says_when_estimates_are_in_it()
    {
        IndicatorValue[] values = [new(10), new(4, IsEstimate: true), new(null), new(7)];

        Assert.Equal(new IndicatorTotal(21, 3, true), IndicatorRules.Aggregate(Aggregation.Sum, values));
        Assert.Equal(new IndicatorTotal(7m, 3, true), IndicatorRules.Aggregate(Aggregation.Average, values));
        Assert.Equal(new IndicatorTotal(4, 3, true), IndicatorRules.Aggregate(Aggregation.Min, values));
        Assert.Equal(new IndicatorTotal(10, 3, true), IndicatorRules.Aggregate(Aggregation.Max, values));
        Assert.Equal(new IndicatorTotal(2, 3, false), IndicatorRules.Aggregate(Aggregation.CountYes, [new(1), new(0), new(1)]));
        Assert.Equal(new IndicatorTotal(null, 0, false), IndicatorRules.Aggregate(Aggregation.Sum, [new(null)]));
        Assert.Equal(new IndicatorTotal(0, 0, false), IndicatorRules.Aggregate(Aggregation.CountYes, []));
    }

    [Fact]
    public void Indicator_values_are_checked_against_their_rule_in_Vietnamese()
    {
        var count = new IndicatorRule("Số thủ tục hành chính", IndicatorType.Integer, 0, 500, Required: true);

        Assert.Null(IndicatorRules.Validate(count, 12));
        Assert.Equal("Chỉ tiêu «Số thủ tục hành chính» phải trong khoảng 0–500.", IndicatorRules.Validate(count, 501));
        Assert.Equal("Chỉ tiêu «Số thủ tục hành chính» phải là số nguyên.", IndicatorRules.Validate(count, 1.5m));
        Assert.Equal("Chỉ tiêu «Số thủ tục hành chính» bắt buộc phải có số liệu.", IndicatorRules.Validate(count, null));
        Assert.Equal("Chỉ tiêu «Có» chỉ nhận Có hoặc Không.", IndicatorRules.Validate(new IndicatorRule("Có", IndicatorType.YesNo, null, null, false), 2));
        Assert.Equal("Chỉ tiêu «Tỷ lệ» phải trong khoảng từ 0 trở lên.", IndicatorRules.Validate(new IndicatorRule("Tỷ lệ", IndicatorType.Decimal, 0, null, false), -1));
    }

    [Fact]
    public void A_diff_shows_the_words_a_unit_changed_after_a_return()
    {
        var diff = TextDiff.Words("<p>Đã ban hành 3 văn bản.</p>", "<p>Đã ban hành 5 văn bản</p><p>và tổ chức tập huấn.</p>");

        Assert.Equal([
            new DiffPart(DiffKind.Same, "Đã ban hành"), new DiffPart(DiffKind.Removed, "3"), new DiffPart(DiffKind.Added, "5"), new DiffPart(DiffKind.Same, "văn"),
            new DiffPart(DiffKind.Removed, "bản."), new DiffPart(DiffKind.Added, "bản và tổ chức tập huấn."),
        ], diff);
        Assert.Equal("a & b", TextDiff.PlainText("<p>a &amp; <b>b</b></p>"));
    }

    [Fact]
    public void Pre_fill_lists_the_work_done_oldest_first_with_its_evidence()
    {
        var html = PrefillText.Compose([
            new ReportedWork("II.3.a", new DateOnly(2025, 6, 2), "Rà soát thủ tục <hành chính>.", "125/BC-SNV", new DateOnly(2025, 5, 30), true),
            new ReportedWork("II.1", new DateOnly(2025, 3, 1), "Tuyên truyền Nghị quyết", null, null, false),
        ]);

        Assert.Equal("<p>- Nhiệm vụ II.1: Tuyên truyền Nghị quyết.</p>"
            + "<p>- Nhiệm vụ II.3.a: Rà soát thủ tục &lt;hành chính&gt; (văn bản số 125/BC-SNV ngày 30/05/2025). Đã hoàn thành.</p>", html);
    }
}
