using System.Globalization;
using System.Net.Http.Json;
using CsCheck;
using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Units;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Properties;

/// <summary>The unit list imported from .xlsx: all of a file or none of it, and a Vietnamese reason when none.</summary>
public sealed class UnitSpreadsheetProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly IReadOnlyList<string> C = UnitSpreadsheet.Columns;

    private static readonly Gen<object?> JunkCell = Junk.Text.Select(t => (object?)Junk.XmlSafe(t));

    /// <summary>Mostly what a person types, now and then what no column takes (numbers, dates, junk, blanks).</summary>
    private static Gen<object?> Cell(params (int Weight, object? Value)[] usual) =>
        Gen.Frequency([.. usual.Select(u => (u.Weight, (IGen<object?>)Gen.Const(u.Value))), (1, JunkCell), (1, Gen.Const((object?)null))]);

    /// <summary>Stands for the codes of one case, replaced when it runs: each case creates units of its own.</summary>
    private const string Marker = "MARKER";

    /// <summary>Stands for the row's own number, so rows can name each other.</summary>
    private const string Self = "SELF";

    /// <summary>Rows that may name each other as parent or successor, cycles and repeated codes included.</summary>
    private static readonly Gen<List<Dictionary<string, object?>>> Rows = Gen.Int[1, 6].SelectMany(count =>
        Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, count - 1], Gen.DateTime[new DateTime(1800, 1, 1), new DateTime(2300, 1, 1)])
            .SelectMany((parent, successor, date) => Gen.Select(
                Cell((24, $"{Marker}-{Self}"), (1, $" {Marker}-{Self} ".ToLowerInvariant()), (1, $"{Marker}-0")),
                Cell((24, $"Đơn vị {Marker} {Self}"), (1, new string('x', UnitRules.MaxNameLength + 1))),
                Cell((12, "Sở, ban, ngành"), (6, "UBND cấp xã"), (3, "Commune"), (1, "Sở"), (1, 3.0)),
                Cell((12, null), (2, $"{Marker}-{parent}"), (1, "KHONG-CO")),
                Cell((12, null), (2, "05/12/2026"), (1, "31/02/2026"), (1, date), (1, 45000.0)),
                Cell((12, null), (2, "2026-12-31"), (1, "01/01/1900"), (1, date)),
                Cell((12, null), (1, $"{Marker}-{successor}"), (1, $"{Marker}-{Self}")),
                Cell((12, null), (4, 3), (1, 1.5), (1, "ba"), (1, 1e20)))
                .Select((code, name, kind, parentCode, from, to, successorCode, sort) => new Dictionary<string, object?>
                {
                    [C[0]] = code, [C[1]] = name, [C[2]] = null, [C[3]] = null, [C[4]] = kind, [C[5]] = parentCode,
                    [C[6]] = from, [C[7]] = to, [C[8]] = successorCode, [C[9]] = sort,
                }))
            .List[count, count]
            .Select(rows => rows.Select((row, i) => row.ToDictionary(c => c.Key,
                c => c.Value is string s ? s.Replace(Self, i.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase) : c.Value)).ToList()));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_sheet_of_odd_rows_is_imported_whole_or_refused_in_Vietnamese_with_nothing_saved(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        await Gen.Select(Rows, Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 2])), Gen.Int[0, int.MaxValue])
            .SampleAsync(async (rows, damage, at) =>
            {
                var code = TestData.UniqueCode();
                var sheet = rows.Select(r => r.ToDictionary(c => c.Key, c => c.Value is string s ? s.Replace(Marker, code, StringComparison.OrdinalIgnoreCase) : c.Value)).ToList();
                var response = await admin.PostAsync("/api/v1/units/import", UnitSpreadsheetTests.Upload(Junk.Damaged(UnitSpreadsheetTests.Sheet([.. sheet]), damage, at)), Ct);
                if (await Junk.AnsweredAsync(response, $"{rows.Count} rows, damage {damage}"))
                {
                    // Rows left blank (a cell of spaces counts as blank) are skipped; every other row is saved.
                    var report = (await response.Content.ReadFromJsonAsync<UnitSpreadsheet.ImportReport>(Ct))!;
                    Assert.Equal(rows.Count(r => r.Values.Any(v => v is not null && (v is not string s || !string.IsNullOrWhiteSpace(s)))),
                        report.Created + report.Updated);
                }
                else
                    Assert.Equal(0, await UnitsAsync(app, code));
            }, iter: Junk.Requests, threads: 1);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Any_bytes_sent_as_the_unit_list_are_refused_in_Vietnamese(Provider provider)
    {
        var (admin, _, _) = await apps.For(provider).SignedInAsync(Roles.Admin);
        // Half the usual count: the damaged sheets above already send most kinds of broken file.
        await Gen.Byte.Array[0, 4_000].SampleAsync(async bytes =>
        {
            await Junk.AnsweredAsync(await admin.PostAsync("/api/v1/units/import", UnitSpreadsheetTests.Upload(bytes), Ct), $"{bytes.Length} random bytes");
        }, iter: Junk.Requests / 2, threads: 1);
    }

    private static Task<int> UnitsAsync(DonDocApp app, string prefix) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<DonDocDbContext>().Units.CountAsync(u => u.Code.StartsWith(prefix) || u.Name.Contains(prefix), Ct));
}
