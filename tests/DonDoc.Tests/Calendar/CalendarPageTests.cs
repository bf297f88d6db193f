using System.Net;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Calendar;

/// <summary>The holiday calendar page as the server first renders it.</summary>
public sealed class CalendarPageTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // GetStringAsync fails the test on any status but success.
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Anyone_signed_in_reads_the_years_days_off_with_their_lunar_dates_and_sources(Provider provider)
    {
        var (client, _, _) = await apps.For(provider).SignedInAsync(Roles.Staff);

        var html = await PageAsync(client, "/don-doc/lich-nghi?nam=2026");

        Assert.All(
        [
            "Lịch nghỉ lễ, tết 2026", "26/04/2026 (Chủ Nhật)", "Giỗ Tổ Hùng Vương", "10/03", "Nghỉ bù Giỗ Tổ Hùng Vương", "Theo âm lịch", "Theo luật",
            // 261 weekdays, less 11 holidays on weekdays (Giỗ Tổ falls on a Sunday and is made up on Monday 27/4).
            "12 ngày nghỉ lễ, tết, nghỉ bù, nghỉ thêm · 250 ngày làm việc trong năm",
        ], text => Assert.Contains(text, html));
        Assert.DoesNotContain("Thêm ngày vào lịch", html);
    }

    [Fact]
    public async Task The_admin_gets_the_form_and_a_year_outside_the_calendar_shows_the_nearest_one()
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.Admin);

        var html = await PageAsync(client, "/don-doc/lich-nghi?nam=1990");

        Assert.Contains("Lịch nghỉ lễ, tết 2014", html);
        Assert.Contains("Thêm ngày vào lịch", html);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_year_that_is_not_a_number_shows_this_year_instead_of_failing(string year)
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.Staff);

        var html = await PageAsync(client, $"/don-doc/lich-nghi?nam={year}");

        Assert.Contains("Lịch nghỉ lễ, tết 2026", html);
    }
}
