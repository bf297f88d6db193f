using System.Text;
using CsCheck;
using DonDoc.Data;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Properties;

/// <summary>
/// The JSON forms of the API: a valid body with a field or two replaced by what no form should hold. Each is saved
/// whole or refused in Vietnamese, and a refusal saves nothing.
/// </summary>
public sealed class JsonFormProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>JSON values of the wrong kind, out of range, malformed or huge.</summary>
    private static readonly Gen<string> OddValue = Gen.Frequency(
        (3, Gen.OneOf("null", "true", "[]", "{}", "0", "-1", "1.5", "1e400", "2147483648", "-2147483649", "99999999999999999999", "\"\"", "\" \"",
            "\"2026-13-45\"", "\"31/02/2026\"", "\"2026-02-29\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"Commune\"", "\"commune\"", "\"Khong\"", "\"99\"", "99",
            "[\"a\", null, 5]", "[null]", "[\"\\u0000\"]", "\"\\uD800\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"NaN\"", "NaN", "\"Issued\"", "\"Draft\"", "\"Cancelled\"")),
        (2, Junk.Text.Select(Junk.JsonString)),
        (1, Junk.Text.Select(t => $"[{Junk.JsonString(t)}]")),
        (1, Gen.Int[1_000, 100_000].Select(n => Junk.JsonString(new string('x', n)))));

    /// <summary>
    /// The fields of a valid form with one or two of them given odd values; now and then the text cut short. The marker
    /// stands in three fields, so one of them still names the case when two are replaced.
    /// </summary>
    private static Gen<string> Form(params (string Field, string Valid)[] fields) =>
        Gen.Select(Gen.Int[0, fields.Length - 1], Gen.Int[0, fields.Length - 1], OddValue, OddValue, Gen.Frequency((9, Gen.Const(-1)), (1, Gen.Int[0, 200])))
            .Select((first, second, odd1, odd2, cut) =>
            {
                var body = "{" + string.Join(", ", fields.Select((f, i) => $"\"{f.Field}\": {(i == first ? odd1 : i == second ? odd2 : f.Valid)}")) + "}";
                return cut >= 0 && cut < body.Length ? body[..cut] : body;
            });

    /// <summary>Stands for the case's own marker, replaced when it runs, so what the case saved can be counted.</summary>
    private const string Marker = "MARKER";

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_form_is_saved_whole_or_refused_in_Vietnamese(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, province) = await app.SignedInAsync(Roles.Admin);
        await Form(("code", $"\"{Marker}\""), ("name", $"\"Sở thử {Marker}\""), ("shortName", $"\"Sở {Marker}\""), ("aliases", "[\"Sở T\"]"),
                ("kind", "\"Department\""), ("parentId", $"{province.Id}"), ("validFrom", "\"2025-07-01\""), ("validTo", "null"),
                ("successorId", "null"), ("sortOrder", "3"))
            .SampleAsync(body => SendAsync(app, admin, "/api/v1/units", body,
                (db, marker) => db.Units.CountAsync(u => u.Code == marker || u.Name.Contains(marker) || u.ShortName!.Contains(marker), Ct)), iter: Junk.Requests, threads: 1, print: Junk.Shown);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_plan_form_is_saved_whole_or_refused_in_Vietnamese(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        await Form(("issuingUnitId", $"{province.Id}"), ("title", $"\"Kế hoạch thử {Marker}\""), ("symbol", $"\"{Marker}/KH-UBND\""),
                ("issuedOn", "\"2026-03-11\""), ("signer", $"\"Nguyễn Văn {Marker}\""), ("recipients", "[\"Các sở, ban, ngành\"]"), ("status", "\"Draft\""))
            .SampleAsync(body => SendAsync(app, coordinator, "/api/v1/plans", body,
                (db, marker) => db.Plans.CountAsync(p => p.Title.Contains(marker) || p.Symbol!.Contains(marker) || p.Signer!.Contains(marker), Ct)), iter: Junk.Requests, threads: 1, print: Junk.Shown);
    }

    /// <summary>Posts the form with a marker of its own and counts, by that marker, what it saved: one record if taken, none if refused.</summary>
    private static async Task SendAsync(DonDocApp app, HttpClient client, string url, string form, Func<DonDocDbContext, string, Task<int>> count)
    {
        var marker = TestData.UniqueCode();
        var body = form.Replace(Marker, marker, StringComparison.Ordinal);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var taken = await Junk.AnsweredAsync(await client.PostAsync(url, content, Ct), body);
        Assert.Equal(taken ? 1 : 0, await app.WithScopeAsync(sp => count(sp.GetRequiredService<DonDocDbContext>(), marker)));
    }
}
