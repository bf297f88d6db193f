using System.Globalization;
using System.Text;
using CsCheck;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Import;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Properties;

/// <summary>Dates as people type them (dd/MM/yyyy, ISO) and as plans write deadlines ("trước ngày 05/12 hàng năm").</summary>
public sealed class DateProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Gen<DateOnly> Day = Gen.DateOnly[new DateOnly(1900, 1, 1), new DateOnly(2200, 12, 31)];

    /// <summary>A number written in ASCII digits or another script's, which a regex's \d also takes.</summary>
    private static Gen<string> Digits(Gen<int> number, string format = "0") =>
        Gen.Select(number, Gen.OneOf('0', '٠', '０', '০'), (n, zero) =>
            new string(n.ToString(format, CultureInfo.InvariantCulture).Select(c => (char)(zero + c - '0')).ToArray()));

    private static readonly Gen<int> Year = Gen.Frequency((3, Gen.Int[0, 9999]), (2, Gen.OneOf(0, 1899, 1900, 2026, 2200, 2201, 9999)));

    /// <summary>Day, month and year in the shapes plans write them, any numbers at all.</summary>
    private static readonly Gen<string> Numbers = Gen.Select(Digits(Gen.Int[0, 99]), Digits(Gen.Int[0, 13]), Digits(Year, "0000"))
        .SelectMany((day, month, year) => Gen.OneOf($"{month}/{year}", $"{day}/{month}/{year}", $"{day}/{month}", $"{day}-{month}-{year}",
            $"ngày {day} tháng {month} năm {year}", $"quý {month}/{year}", $"tháng {month}/{year}", $"năm {year} - {year}", year));

    /// <summary>Text around dates and deadline words.</summary>
    private static readonly Gen<string> DatedText = Gen.Frequency(
        (2, Junk.Text),
        (3, Numbers),
        (4, Gen.Frequency((2, Numbers), (3, Gen.OneOf("trước ngày ", "chậm nhất ", "vào ", "ngày ", " tháng ", " năm ", "hằng năm", "hàng năm", "Quý ",
                "quý IV/", "6 tháng", "thường xuyên", "/", "-", ".", " ", "và ", "(", ")")))
            .Array[0, 12].Select(string.Concat)));

    [Fact]
    public void Reading_a_typed_date_never_throws() =>
        DatedText.Sample(text => VietnamTime.ParseDate(text), iter: Junk.Cases, print: Junk.Shown);

    [Fact]
    public void A_date_shown_the_Vietnamese_way_or_in_ISO_reads_back_as_itself() =>
        Day.Sample(day =>
        {
            Assert.Equal(day, VietnamTime.ParseDate(VietnamTime.Date(day)));
            Assert.Equal(day, VietnamTime.ParseDate(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.Equal(day, VietnamTime.ParseDate($" {day.Day}/{day.Month}/{day.Year} "));
        }, iter: Junk.Cases);

    [Fact]
    public void A_date_from_any_three_numbers_is_a_real_date_or_none() =>
        Gen.Select(Gen.Int, Gen.Int[-5, 20], Gen.Int[-5, 40]).Sample((year, month, day) =>
        {
            if (Dates.Make(year, month, day) is { } made)
                Assert.Equal((year, month, day), (made.Year, made.Month, made.Day));
            Dates.Make(year.ToString(CultureInfo.InvariantCulture), month.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture));
        }, iter: Junk.Cases);

    [Fact]
    public void Reading_deadlines_never_throws_in_running_text_or_in_a_deadline_column() =>
        DatedText.Sample(text =>
        {
            DeadlineReader.Read(text, "1", field: true);
            DeadlineReader.Read(text, "1", field: false);
            DeadlineReader.ReadProse(text, "1");
            Dates.Leading(text);
        }, iter: Junk.Cases, print: Junk.Shown);

    [Fact]
    public void A_yearly_or_fixed_deadline_phrase_reads_back_as_its_day() =>
        Day.Sample(day =>
        {
            var yearly = Assert.Single(DeadlineReader.Read($"trước ngày {day:dd}/{day:MM} hàng năm", "1", field: false));
            Assert.Equal((ScheduleKind.Yearly, day.Month, day.Day), (yearly.Kind, yearly.Month, yearly.Day));
            var once = Assert.Single(DeadlineReader.Read($"hoàn thành trước ngày {day.Day}/{day.Month}/{day.Year}", "1", field: false));
            Assert.Equal((ScheduleKind.Fixed, day), (once.Kind, once.Date));
        }, iter: Junk.Cases);

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_typed_calendar_day_is_taken_or_refused_in_Vietnamese_and_a_refusal_adds_nothing(Provider provider)
    {
        // Its own app: a day off added here would move the deadlines other tests compute on the shared one.
        await using var app = apps.Isolated(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        var days = await DaysAsync(app);
        var typed = Gen.Frequency((3, DatedText), (1, Day.Select(d => VietnamTime.Date(d))), (1, Day.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        await Gen.Select(typed, Gen.OneOf("DayOff", "WorkingDay", "dayoff", "Holiday", "", "1"), Junk.Text)
            .Select((date, kind, name) => $$"""{"date": {{Junk.JsonString(date)}}, "kind": "{{kind}}", "name": {{Junk.JsonString(name)}}}""")
            .SampleAsync(async body =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                if (await Junk.AnsweredAsync(await admin.PostAsync("/api/v1/calendar/extra-days", content, Ct), body))
                    days++;
                Assert.Equal(days, await DaysAsync(app));
            }, iter: Junk.Requests, threads: 1, print: Junk.Shown);
    }

    private static Task<int> DaysAsync(DonDocApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().CalendarDays.CountAsync(Ct));
}
