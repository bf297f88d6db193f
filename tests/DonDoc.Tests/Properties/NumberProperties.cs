using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CsCheck;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Tests.Features.Reports;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Properties;

/// <summary>Figures written the Vietnamese way ("1.234,5") and the indicator values a unit's report sends.</summary>
public sealed class NumberProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Everything a figure can hold: ±99.999.999.999.999 with two decimals, the most the screen shows.</summary>
    private static readonly Gen<decimal> Figure = Gen.Select(Gen.Long[0, 99_999_999_999_999], Gen.Int[0, 99], Gen.Bool,
        (whole, cents, negative) => (negative ? -1 : 1) * (whole + cents / 100m));

    [Fact]
    public void Reading_a_figure_never_throws() =>
        Gen.OneOf(Junk.Text, Junk.AnyChar.Array[0, 20].Select(c => new string(c)))
            .Sample(text => IndicatorRules.ParseFigure(text), iter: Junk.Cases, print: Junk.Shown);

    [Fact]
    public void A_figure_written_the_Vietnamese_way_reads_back_as_itself() =>
        Figure.Sample(value =>
        {
            var text = IndicatorRules.Text(value);
            Assert.Equal(value, IndicatorRules.ParseFigure(text));
            Assert.Equal(value, IndicatorRules.ParseFigure($"  {text} "));
        }, iter: Junk.Cases);

    [Fact]
    public void A_dot_that_does_not_group_thousands_is_refused_rather_than_misread() =>
        Gen.Select(Gen.Int[0, 999], Gen.Char['0', '9'].Array[1, 6].Where(d => d.Length != 3))
            .Sample((whole, digits) => Assert.Null(IndicatorRules.ParseFigure($"{whole}.{new string(digits)}")), iter: Junk.Cases);

    [Fact]
    public void A_figure_that_passes_validation_fits_its_rule_and_the_database() =>
        Gen.Select(Gen.Decimal, Gen.Enum<IndicatorType>(), Gen.Decimal.Nullable(), Gen.Decimal.Nullable(), Gen.Bool)
            .Sample((value, type, min, max, required) =>
            {
                var error = IndicatorRules.Validate(new IndicatorRule("Số liệu", type, min, max, required), value);
                var fits = IndicatorRules.Storable(value) && (min is null || value >= min) && (max is null || value <= max)
                    && (type != IndicatorType.Integer || value == decimal.Truncate(value)) && (type != IndicatorType.YesNo || value is 0 or 1);
                Assert.Equal(fits, error is null);
            }, iter: Junk.Cases);

    /// <summary>What a client may put where a figure belongs: numbers too large, too precise or out of range, and things that are no number.</summary>
    private static readonly string[] OddValues =
    [
        "1e30", "-1e-30", "79228162514264337593543950336", "1e400", "123456789012345.5", "99999999999999.99999", "0.00001", "1.5", "2", "-1",
        "\"12\"", "\"1.234,5\"", "null", "true", "[]", "{}", "NaN", "-0", "0", "12", "500", "501", "\"\\uD800\"",
    ];

    private static readonly Gen<string> ValueToken = Gen.Frequency(
        (3, Gen.OneOf(OddValues)),
        (2, Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        (1, Junk.Text.Select(Junk.JsonString)));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Indicator_values_are_taken_or_refused_in_Vietnamese_and_a_refusal_changes_nothing(Provider provider)
    {
        var app = apps.For(provider);
        var s = await ReportWorkflowTests.SetUpAsync(app);
        var id = await ReportWorkflowTests.ReportIdAsync(s, s.A);
        var (tthc, iso) = (s.Template.Indicators[0].Id, s.Template.Indicators[1].Id);

        var values = Gen.Select(ValueToken, ValueToken, Gen.OneOf("true", "false", "\"có\"", "null"),
                Gen.Frequency((6, Gen.Const("")), (1, Gen.OneOf("999999", "abc", "-1", "1e3"))))
            .Select((first, second, estimate, extraKey) =>
            {
                var extra = extraKey == "" ? "" : $", \"{extraKey}\": {{\"value\": 1}}";
                return $"{{\"values\": {{\"{tthc}\": {{\"value\": {first}, \"isEstimate\": {estimate}}}, \"{iso}\": {{\"value\": {second}}}{extra}}}}}";
            });
        // Cases run one at a time: the report as the last answer left it is the report before the next case.
        var saved = Saved(await s.OfficerA.GetFromJsonAsync<ReportDetail>($"/api/v1/reports/{id}", Ct));
        await values.SampleAsync(async body =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                var response = await s.OfficerA.PutAsync($"/api/v1/reports/{id}", content, Ct);
                if (await Junk.AnsweredAsync(response, body))
                    saved = Saved(await response.Content.ReadFromJsonAsync<ReportDetail>(Ct));
                else
                    Assert.Equal(saved, Saved(await s.OfficerA.GetFromJsonAsync<ReportDetail>($"/api/v1/reports/{id}", Ct)));
            }, iter: Junk.Requests, threads: 1, print: Junk.Shown);
    }

    private static (long Version, string Values) Saved(ReportDetail? report) =>
        (report!.Version, string.Join(";", report.Values.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}")));
}
