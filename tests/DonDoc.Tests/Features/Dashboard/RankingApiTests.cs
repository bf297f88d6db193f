using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Dashboard;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using MiniExcelLibs;

namespace DonDoc.Tests.Features.Dashboard;

public sealed class RankingApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Five communes and a department with work due in 2019 (a past year), hand-ranked: C2 and C5 finished their
    /// one task on time (tied, so by code), C1 one of two on time, C3 none (overdue), C4 had nothing due.
    /// </summary>
    private static async Task<Dictionary<string, Unit>> ProvinceOf2019Async(DonDocApp app)
    {
        var token = TestData.UniqueCode();
        var units = new Dictionary<string, Unit>();
        foreach (var name in new[] { "C1", "C2", "C3", "C4", "C5" })
            units[name] = await app.UnitAsync($"UBND xã Xếp hạng {name}", UnitKind.Commune, code: $"{token}.{name}");
        units["D"] = await app.UnitAsync("Sở Xếp hạng", UnitKind.Department, code: $"{token}.D");
        var plan = await app.PlanAsync(units["D"].Id);
        async Task DoneAsync(string unit, DateOnly due, DateOnly? done)
        {
            var o = await app.OneOffAsync(plan, $"Nhiệm vụ của {unit}", due, units[unit].Id);
            if (done is { } day)
                await app.SetStateAsync(o.Id, OccurrenceState.Completed, day);
        }
        await DoneAsync("C1", new DateOnly(2019, 3, 31), new DateOnly(2019, 3, 30));
        await DoneAsync("C1", new DateOnly(2019, 6, 30), new DateOnly(2019, 7, 5));
        await DoneAsync("C2", new DateOnly(2019, 5, 31), new DateOnly(2019, 5, 31));
        await DoneAsync("C3", new DateOnly(2019, 9, 30), null);
        await DoneAsync("C5", new DateOnly(2019, 8, 15), new DateOnly(2019, 8, 1));
        await DoneAsync("D", new DateOnly(2019, 4, 1), null);
        // Due in 2020: outside the year, it must not count for C4.
        await DoneAsync("C4", new DateOnly(2020, 1, 10), null);
        return units;
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_ranking_of_a_past_year_follows_the_hand_computed_order_with_ties_and_units_without_tasks(Provider provider)
    {
        var app = apps.For(provider);
        var units = await ProvinceOf2019Async(app);
        var (leader, _, _) = await app.SignedInAsync(Roles.Leader);

        var ranking = (await leader.GetFromJsonAsync<RankingDto>("/api/v1/rankings?year=2019&kind=Localities", Ct))!;

        Assert.Equal(2019, ranking.Year);
        Assert.Equal(RankingGroup.Localities, ranking.Kind);
        var mine = ranking.Units.Where(u => units.Values.Any(x => x.Id == u.UnitId)).ToList();
        Assert.Equal(["C2", "C5", "C1", "C3", "C4"], mine.Select(u => u.Code[^2..]));
        Assert.DoesNotContain(ranking.Units, u => u.UnitId == units["D"].Id);
        var ranks = mine.Take(4).Select(u => u.Rank!.Value).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(ranks.Distinct().Count(), ranks.Count);
        var c1 = mine.Single(u => u.UnitId == units["C1"].Id);
        Assert.Equal((2, 1, 1, 0, 0.5), (c1.TasksDue, c1.CompletedOnTime, c1.CompletedLate, c1.Overdue, c1.OnTimeRate!.Value));
        var c4 = mine.Single(u => u.UnitId == units["C4"].Id);
        Assert.Null(c4.Rank);
        Assert.Equal(0, c4.TasksDue);
        Assert.Contains(ranking.Formula, line => line.Contains("mã định danh", StringComparison.Ordinal));

        var departments = (await leader.GetFromJsonAsync<RankingDto>("/api/v1/rankings?year=2019&kind=departments", Ct))!;
        var d = departments.Units.Single(u => u.UnitId == units["D"].Id);
        Assert.Equal((1, 0.0), (d.Overdue, d.OnTimeRate!.Value));
        Assert.DoesNotContain(departments.Units, u => u.UnitId == units["C1"].Id);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_ranking_exports_to_a_spreadsheet_in_the_same_order(Provider provider)
    {
        var app = apps.For(provider);
        var units = await ProvinceOf2019Async(app);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, units["C1"]);

        using var response = await officer.GetAsync("/api/v1/rankings.xlsx?year=2019&kind=Localities", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RankingSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true, sheetName: "Xếp hạng").Cast<IDictionary<string, object>>().ToList();
        var codes = units.Values.Select(u => u.Code).ToHashSet();
        var mine = rows.Where(r => codes.Contains(r["Mã định danh"]?.ToString() ?? "")).ToList();
        Assert.Equal(["C2", "C5", "C1", "C3", "C4"], mine.Select(r => r["Mã định danh"].ToString()![^2..]));
        Assert.Equal("Chưa xếp hạng", mine[^1]["Hạng"]?.ToString());
        Assert.Equal("50,00%", mine[2]["Tỷ lệ hoàn thành đúng hạn"]?.ToString());
    }

    [Theory]
    [InlineData("year=1999", "year", "Năm phải từ 2000")]
    [InlineData("year=2999", "year", "Năm phải từ 2000")]
    [InlineData("kind=Villages", "kind", "Loại đơn vị phải là")]
    public async Task A_year_or_kind_out_of_range_gets_a_Vietnamese_answer(string query, string field, string message)
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.Coordinator);

        foreach (var path in new[] { "/api/v1/rankings", "/api/v1/rankings.xlsx" })
        {
            using var response = await client.GetAsync($"{path}?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct);
            Assert.StartsWith(message, Assert.Single(problem!.Errors[field]), StringComparison.Ordinal);
        }
    }
}
