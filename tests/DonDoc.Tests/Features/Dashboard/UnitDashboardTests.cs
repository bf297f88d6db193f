using Bunit;
using DonDoc.Features.Dashboard.Pages;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Dashboard;

public sealed class UnitDashboardTests(Apps apps)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_with_many_reports_outstanding_sees_the_nearest_few_and_how_many_there_are_in_all()
    {
        var app = apps.For(Provider.Sqlite);
        var province = await app.UnitAsync("UBND thử nghiệm bảng điều khiển", UnitKind.Province);
        var unit = await app.UnitAsync("Sở Nhiều Báo Cáo " + TestData.UniqueCode());
        await app.WithScopeAsync(async sp =>
        {
            var template = (await sp.GetRequiredService<SaveTemplate>().CreateAsync(new TemplateInput("Báo cáo năm thử nghiệm", ReportKind.Periodic,
                ReportFrequency.Yearly, 5, 12, province.Id, [unit.Id], [new SectionInput("Kết quả thực hiện")], []), Ct)).Value!;
            for (var year = 2020; year <= 2026; year++)
                Assert.True((await sp.GetRequiredService<OpenPeriod>().OpenAsync(template.Id, year, ct: Ct)).Ok);
            return 0;
        });
        await using var pages = await PageContext.ForAsync(app, await app.UserAsync(Roles.UnitOfficer, unit.Id));

        var cut = pages.Open<UnitDashboardView>("/tong-quan");

        cut.WaitForAssertion(() => Assert.Equal(DonDoc.Features.Dashboard.DashboardQueries.UnitListSize, cut.FindAll(".reports-to-submit .dash-item").Count));
        Assert.Equal("7", cut.Find(".reports-to-submit .list-total").TextContent);
        Assert.Contains("kỳ 2020", cut.FindAll(".reports-to-submit .dash-item")[0].TextContent);
        Assert.Contains("Xem tất cả 7 báo cáo", cut.Find(".reports-to-submit").TextContent);
    }
}
