using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DonDoc.Calendar;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DonDoc.Calendar.CalendarEndpoints;

namespace DonDoc.Tests.Calendar;

/// <summary>
/// The calendar API. The admin's days are province-wide, so each test keeps to a year of its own
/// (2031–2034) to stay clear of the others running on the same database.
/// </summary>
public sealed class CalendarApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> AddWorkingDaysAsync(HttpClient client, string from, int days)
    {
        var sum = await client.GetFromJsonAsync<WorkingDaysSum>($"/api/v1/calendar/add-working-days?from={from}&days={days}", Ct);
        return sum!.Date.ToString("yyyy-MM-dd");
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_year_lists_the_law_and_lunar_holidays_with_their_sources(Provider provider)
    {
        var (client, _, _) = await apps.For(provider).SignedInAsync(Roles.Staff);

        var year = await client.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2026", Ct);

        Assert.Equal(2026, year!.Year);
        Assert.Contains(new DayOffDto(new DateOnly(2026, 2, 17), "Tết Nguyên đán", "lunar", true, null), year.DaysOff);
        Assert.Contains(new DayOffDto(new DateOnly(2026, 4, 26), "Giỗ Tổ Hùng Vương", "lunar", true, null), year.DaysOff);
        Assert.Contains(new DayOffDto(new DateOnly(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương", "law", true, null), year.DaysOff);
        Assert.Contains(new DayOffDto(new DateOnly(2026, 9, 2), "Quốc khánh", "law", false, null), year.DaysOff);
        Assert.Empty(year.WorkingDays);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Add_working_days_answers_the_date_as_json_skipping_Tet(Provider provider)
    {
        var (client, _, _) = await apps.For(provider).SignedInAsync(Roles.UnitOfficer);

        var response = await client.GetAsync("/api/v1/calendar/add-working-days?from=2026-02-13&days=3", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("2026-02-13", json.RootElement.GetProperty("from").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("days").GetInt32());
        Assert.Equal("2026-02-25", json.RootElement.GetProperty("date").GetString());
        Assert.Equal("2026-02-13", await AddWorkingDaysAsync(client, "2026-02-25", -3));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Days_the_admin_adds_are_listed_and_honoured_until_removed(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, user, _) = await app.SignedInAsync(Roles.Admin);
        // Thursday 13/03/2031 + 1 working day is Friday 14/03; with the Friday off it is Monday 17/03.
        Assert.Equal("2031-03-14", await AddWorkingDaysAsync(admin, "2031-03-13", 1));

        var off = await admin.PostAsJsonAsync("/api/v1/calendar/extra-days", new { date = "14/03/2031", name = "Nghỉ hoán đổi", kind = "DayOff" }, Ct);
        var worked = await admin.PostAsJsonAsync("/api/v1/calendar/extra-days", new { date = "2031-03-22", name = "Làm bù cho ngày 14/03", kind = "WorkingDay" }, Ct);

        Assert.Equal(HttpStatusCode.Created, off.StatusCode);
        Assert.Equal(HttpStatusCode.Created, worked.StatusCode);
        var offDay = (await off.Content.ReadFromJsonAsync<ExtraDayDto>(Ct))!;
        var workedDay = (await worked.Content.ReadFromJsonAsync<ExtraDayDto>(Ct))!;
        Assert.Equal(user.FullName, offDay.AddedByName);
        Assert.Equal("2031-03-17", await AddWorkingDaysAsync(admin, "2031-03-13", 1));
        Assert.Equal("2031-03-22", await AddWorkingDaysAsync(admin, "2031-03-21", 1));
        var year = await admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2031", Ct);
        Assert.Contains(new DayOffDto(new DateOnly(2031, 3, 14), "Nghỉ hoán đổi", "admin", false, offDay.Id), year!.DaysOff);
        Assert.Equal([new ExtraWorkingDayDto(workedDay.Id, new DateOnly(2031, 3, 22), "Làm bù cho ngày 14/03")], year.WorkingDays);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDoc.Data.DonDocDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarDay) && a.EntityId == offDay.Id.ToString() && a.UserId == user.Id, Ct));
            return 0;
        });

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/extra-days/{offDay.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/extra-days/{workedDay.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/calendar/extra-days/{offDay.Id}", Ct)).StatusCode);
        Assert.Equal("2031-03-14", await AddWorkingDaysAsync(admin, "2031-03-13", 1));
        Assert.Equal("2031-03-24", await AddWorkingDaysAsync(admin, "2031-03-21", 1));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Bad_extra_days_are_refused_in_Vietnamese_and_nothing_is_saved(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/calendar/extra-days",
            new { date = "2032-03-12", name = "Nghỉ của tỉnh", kind = "DayOff" }, Ct)).StatusCode);

        (object Body, string Message)[] cases =
        [
            (new { date = "2032-03-15", name = "  ", kind = "DayOff" }, "Hãy nhập tên ngày"),
            (new { date = "31/02/2032", name = "Nghỉ", kind = "DayOff" }, "Ngày '31/02/2032' không hợp lệ"),
            (new { date = "", name = "Nghỉ", kind = "DayOff" }, "Hãy chọn ngày."),
            (new { date = "2032-03-15", name = "Nghỉ", kind = "Holiday" }, "Loại ngày (kind) phải là DayOff"),
            (new { date = "2032-03-12", name = "Trùng", kind = "DayOff" }, "Ngày 12/03/2032 đã có trong lịch: Nghỉ của tỉnh."),
            (new { date = "2032-01-01", name = "Nghỉ", kind = "DayOff" }, "Ngày 01/01/2032 đã là ngày nghỉ (Tết Dương lịch)."),
            (new { date = "2032-03-13", name = "Nghỉ", kind = "DayOff" }, "Ngày 13/03/2032 đã là ngày nghỉ (Thứ Bảy)."),
            (new { date = "2032-03-16", name = "Làm", kind = "WorkingDay" }, "Ngày 16/03/2032 đã là ngày làm việc."),
            (new { date = "2101-01-03", name = "Nghỉ", kind = "DayOff" }, "Chỉ nhận ngày trong các năm 2014–2100."),
        ];
        foreach (var (body, message) in cases)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/calendar/extra-days", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        }

        var year = await admin.GetFromJsonAsync<CalendarYearDto>("/api/v1/calendar/2032", Ct);
        Assert.Equal(["Nghỉ của tỉnh"], year!.DaysOff.Where(d => d.Source == "admin").Select(d => d.Name));
        Assert.Empty(year.WorkingDays);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Bad_query_parameters_get_a_Vietnamese_validation_problem(Provider provider)
    {
        var (client, _, _) = await apps.For(provider).SignedInAsync(Roles.Leader);

        (string Url, string Message)[] cases =
        [
            ("/api/v1/calendar/add-working-days?from=2026-13-01&days=1", "Tham số from phải là một ngày dạng YYYY-MM-DD"),
            ("/api/v1/calendar/add-working-days?from=13/02/2026&days=1", "Tham số from phải là một ngày dạng YYYY-MM-DD"),
            ("/api/v1/calendar/add-working-days?days=1", "Tham số from phải là một ngày dạng YYYY-MM-DD"),
            ("/api/v1/calendar/add-working-days?from=2026-02-13&days=1001", "Tham số days phải là số nguyên từ -1000 đến 1000."),
            ("/api/v1/calendar/add-working-days?from=2026-02-13&days=-1001", "Tham số days phải là số nguyên từ -1000 đến 1000."),
            ("/api/v1/calendar/add-working-days?from=2026-02-13&days=ba", "Tham số days phải là số nguyên"),
            ("/api/v1/calendar/add-working-days?from=2026-02-13", "Tham số days phải là số nguyên"),
            ("/api/v1/calendar/add-working-days?from=2013-12-31&days=1", "Chỉ tính được với ngày trong các năm 2014–2100."),
            ("/api/v1/calendar/add-working-days?from=2100-12-01&days=1000", "Kết quả nằm ngoài các năm 2014–2100."),
            ("/api/v1/calendar/1999", "Chỉ xem được lịch các năm 2014–2100."),
        ];
        foreach (var (url, message) in cases)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal("2026-02-13", await AddWorkingDaysAsync(client, "2026-02-13", 0));
        Assert.Equal(1000, (await client.GetFromJsonAsync<WorkingDaysSum>("/api/v1/calendar/add-working-days?from=2026-02-13&days=1000", Ct))!.Days);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_calendar_endpoints()
    {
        using var doc = JsonDocument.Parse(await apps.For(Provider.Sqlite).NewClient().GetStringAsync("/openapi/v1.json", Ct));
        var paths = doc.RootElement.GetProperty("paths");

        var operations = new[] { ("/api/v1/calendar/{year}", "get"), ("/api/v1/calendar/add-working-days", "get"),
            ("/api/v1/calendar/extra-days", "post"), ("/api/v1/calendar/extra-days/{id}", "delete") };
        Assert.All(operations, o => Assert.Equal("Lịch nghỉ", paths.GetProperty(o.Item1).GetProperty(o.Item2).GetProperty("tags")[0].GetString()));
    }
}
