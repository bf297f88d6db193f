using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Dashboard;

/// <summary>
/// Every count the overview shows is followed to the list it links to: the task list's API takes the same query
/// (TaskListUrl), so its total must be the number on the page; a report period's link must hold its "sent/all" or
/// its count of a submission status.
/// </summary>
public sealed partial class OverviewLinkTests(DemoDashboard demo) : IClassFixture<DemoDashboard>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""<a[^>]*href="(?<href>/(?:nhiem-vu|bao-cao/ky/\d+)[^"]*)"[^>]*>(?<text>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>A link that shows a count: "166", "Đúng hạn: 166", "2/10" (a heatmap cell: 2 of 10; a period: 2 sent of 10).</summary>
    private sealed record CountLink(string Href, string Label, int Count, int? Of);

    private static CountLink? Parse(string href, string text)
    {
        var plain = WebUtility.HtmlDecode(Tag().Replace(text, "")).Trim().Replace(".", "", StringComparison.Ordinal);
        var m = Regex.Match(plain, @"^(?:(?<label>[^:]+):\s*)?(?<count>\d+)(?:/(?<of>\d+))?$");
        if (!m.Success || href == "/nhiem-vu" || href.StartsWith("/nhiem-vu/", StringComparison.Ordinal))
            return null;
        static int N(Group g) => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new CountLink(href, m.Groups["label"].Value.Trim(), N(m.Groups["count"]), m.Groups["of"].Success ? N(m.Groups["of"]) : null);
    }

    private static async Task<List<CountLink>> CountLinksAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/tong-quan", Ct);
        return Link().Matches(html).Select(m => Parse(WebUtility.HtmlDecode(m.Groups["href"].Value), m.Groups["text"].Value))
            .OfType<CountLink>().Distinct().ToList();
    }

    private static async Task<List<string>> MismatchesAsync(HttpClient client, List<CountLink> links)
    {
        var wrong = new List<string>();
        foreach (var link in links)
        {
            if (link.Href.StartsWith("/nhiem-vu?", StringComparison.Ordinal))
            {
                // A heatmap cell opens all the unit's tasks of the group: "2/10" must list 10.
                var total = (await client.GetFromJsonAsync<TaskPage>("/api/v1/tasks" + link.Href["/nhiem-vu".Length..] + "&pageSize=1", Ct))!.Total;
                if (total != (link.Of ?? link.Count))
                    wrong.Add($"{link.Href}: shows {link.Of ?? link.Count}, the list has {total}");
                continue;
            }
            var c = (await client.GetFromJsonAsync<Completeness>($"/api/v1/report-periods/{link.Href.Split('/')[^1]}/completeness", Ct))!;
            var (shown, actual) = link.Of is { } of
                ? ($"{link.Count}/{of}", $"{c.Period.Submitted}/{c.Rows.Count}")
                : ($"{link.Label}: {link.Count}", $"{link.Label}: {c.Counts.Single(s => s.Key.Label() == link.Label).Value}");
            if (shown != actual)
                wrong.Add($"{link.Href}: shows {shown}, the period has {actual}");
        }
        return wrong;
    }

    [Fact]
    public async Task Every_count_on_the_leaders_overview_opens_a_list_of_exactly_that_many()
    {
        var client = await demo.SignedInAsync("lanhdao");

        var links = await CountLinksAsync(client);

        // The donut legend, the rate cards, 24 months × 2 lines, the units' bars and the heatmap's cells.
        Assert.True(links.Count > 60, $"only {links.Count} count links on the overview");
        Assert.Contains(links, l => l.Href.Contains("status=InProgressOverdue", StringComparison.Ordinal) && l.Count > 0);
        Assert.Contains(links, l => l.Href.Contains("extended=false", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Href.Contains("section=", StringComparison.Ordinal) && l.Href.Contains("unit=", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Href.StartsWith("/bao-cao/ky/", StringComparison.Ordinal));
        Assert.Empty(await MismatchesAsync(client, links));
    }

    [Fact]
    public async Task Every_count_on_a_unit_heads_dashboard_opens_a_list_of_exactly_that_many()
    {
        var client = await demo.SignedInAsync("thutruong.stp");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/tong-quan", Ct));
        var links = await CountLinksAsync(client);

        Assert.Contains("Tình hình thực hiện nhiệm vụ", html);
        Assert.Contains("Báo cáo cần gửi", html);
        Assert.Contains("Nhắc việc đã nhận", html);
        Assert.DoesNotContain("Bản đồ nhiệt", html);
        Assert.Contains(links, l => l.Href == "/nhiem-vu?status=CompletedOnTime");
        Assert.Contains(links, l => l.Href == "/nhiem-vu?overdue=true");
        Assert.Empty(await MismatchesAsync(client, links));
    }

    [Fact]
    public async Task The_public_page_shows_the_ranking_and_the_plans_quarters_to_anyone()
    {
        var html = WebUtility.HtmlDecode(await demo.App.NewClient().GetStringAsync("/cong-khai/xep-hang?nam=2025&loai=Departments", Ct));

        Assert.Contains("Kết quả thực hiện kế hoạch năm 2025", html);
        Assert.Contains("Tiến độ thực hiện các kế hoạch theo quý", html);
        Assert.Contains("Quý IV", html);
        Assert.Contains("Xếp hạng đơn vị · Sở, ban, ngành và cơ quan cấp tỉnh", html);
        Assert.Contains("Sở Nội vụ", html);
        // No link into the back office from the public page.
        Assert.DoesNotContain("href=\"/nhiem-vu", html);
    }

    [Fact]
    public async Task The_public_page_answers_404_when_the_portal_is_switched_off()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["PublicPortal:Enabled"] = "false" });

        using var response = await app.NewClient().GetAsync("/cong-khai/xep-hang", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
