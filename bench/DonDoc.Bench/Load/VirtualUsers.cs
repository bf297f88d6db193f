using System.Globalization;
using DonDoc.Bench.Generate;
using DonDoc.Bench.Run;
using DonDoc.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Bench.Load;

/// <summary>A report of the user's unit that only this virtual user edits, with its template's sections.</summary>
internal sealed record DraftReport(int Id, int[] Sections);

/// <summary>
/// One account the load signs in as, with what it works on: tasks it may open, open tasks its unit leads (to report
/// progress on), draft reports of its unit and reporting periods to read.
/// </summary>
internal sealed record VirtualUser(int Id, string UserName, string Role, int[] Tasks, int[] OpenTasks, DraftReport[] Drafts, int[] Periods);

/// <summary>Picks the load's accounts among the generated people and gives each a personal access token.</summary>
internal static class VirtualUsers
{
    private const int PerUser = 200;

    private sealed record Person(int Id, string UserName, string Role, int UnitId, string Path);

    /// <summary>
    /// About one in thirty a province leader, the coordinator, and unit staff for the rest (one in six a unit head,
    /// the others unit officers), spread over the units that lead open tasks: each unit's first officer before any
    /// unit's second, units with a report to draft before the others. Deterministic for a database.
    /// </summary>
    public static async Task<List<VirtualUser>> PickAsync(Fixture db, int count)
    {
        var people = (await db.RowsAsync("""
            SELECT p."Id", p."UserName", r."Name", p."UnitId", u."Path" FROM "AspNetUsers" p
            JOIN "AspNetUserRoles" ur ON ur."UserId" = p."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" JOIN "Units" u ON u."Id" = p."UnitId"
            WHERE p."IsActive" AND r."Name" IN ('Leader', 'Coordinator', 'UnitHead', 'UnitOfficer') ORDER BY p."Id"
            """)).Select(r => new Person(Int(r[0]), (string)r[1], (string)r[2], Int(r[3]), (string)r[4])).ToList();
        var tasks = (await db.RowsAsync("""
            SELECT o."Id", o."State", u."Path" FROM "Occurrences" o JOIN "Assignments" a ON a."Id" = o."AssignmentId"
            JOIN "Units" u ON u."Id" = a."LeadUnitId" ORDER BY o."Id"
            """)).Select(r => (Id: Int(r[0]), Open: (string)r[1] != "Completed", Path: (string)r[2])).ToList();
        var reports = (await db.RowsAsync("""SELECT "Id", "UnitId", "PeriodId", "State" FROM "UnitReports" ORDER BY "Id" """))
            .Select(r => (Id: Int(r[0]), UnitId: Int(r[1]), Period: Int(r[2]), Editable: (string)r[3] is "Draft" or "Returned")).ToList();
        var sections = (await db.RowsAsync("""
            SELECT pe."Id", s."Id" FROM "ReportPeriods" pe JOIN "TemplateSection" s ON s."TemplateId" = pe."TemplateId" ORDER BY s."SortOrder", s."Id"
            """)).GroupBy(r => Int(r[0]), r => Int(r[1])).ToDictionary(g => g.Key, g => g.ToArray());
        var busiestPeriods = reports.GroupBy(r => r.Period).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Take(20).Select(g => g.Key).ToArray();

        var byLeadPath = tasks.GroupBy(t => t.Path).ToList();
        List<(int Id, bool Open, string Path)> InScope(string path) => [.. byLeadPath.Where(g => g.Key.StartsWith(path, StringComparison.Ordinal)).SelectMany(g => g)];

        var leaders = people.Where(p => p.Role == Roles.Leader).Take(Math.Max(1, count / 30));
        var coordinators = people.Where(p => p.Role == Roles.Coordinator).Take(1);
        var picked = leaders.Concat(coordinators).ToList();
        var random = new Random(Generator.Seed);
        // Units with a report to draft first: at small scale only a few have one, and the load must write both ways.
        var drafting = reports.Where(r => r.Editable).Select(r => r.UnitId).ToHashSet();
        var unitOrder = people.Select(p => p.UnitId).Distinct().Select(unit => (unit, key: random.Next())).OrderBy(x => !drafting.Contains(x.unit)).ThenBy(x => x.key)
            .Select((x, i) => (x.unit, i)).ToDictionary(x => x.unit, x => x.i);
        var staff = people.Where(p => p.Role is Roles.UnitHead or Roles.UnitOfficer && InScope(p.Path).Any(t => t.Open)).ToList();
        var heads = Math.Max(1, (count - picked.Count) / 6);
        picked.AddRange(staff.Where(p => p.Role == Roles.UnitHead).OrderBy(p => unitOrder[p.UnitId]).Take(heads));
        picked.AddRange(staff.Where(p => p.Role == Roles.UnitOfficer)
            .Select(p => (p, rank: staff.Count(o => o.UnitId == p.UnitId && o.Role == Roles.UnitOfficer && o.Id < p.Id)))
            .OrderBy(x => x.rank).ThenBy(x => unitOrder[x.p.UnitId]).Select(x => x.p).Take(count - picked.Count));

        // A draft has one editor among the virtual users, so no two of them overwrite each other's section: every
        // acknowledged save can then be checked against the database.
        var editors = picked.Where(p => p.Role is Roles.UnitHead or Roles.UnitOfficer).GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.ToList());
        var draftsOf = reports.Where(r => r.Editable && editors.ContainsKey(r.UnitId))
            .GroupBy(r => r.UnitId)
            .SelectMany(g => g.Select((r, i) => (Editor: editors[g.Key][i % editors[g.Key].Count].Id, Draft: new DraftReport(r.Id, sections.GetValueOrDefault(r.Period, [])))))
            .Where(x => x.Draft.Sections.Length > 0)
            .ToLookup(x => x.Editor, x => x.Draft);

        return [.. picked.Select(p =>
        {
            var provinceWide = Roles.ProvinceWide.Contains(p.Role);
            var scope = provinceWide ? tasks : InScope(p.Path);
            return new VirtualUser(p.Id, p.UserName, p.Role, Spread(scope.Select(t => t.Id)), provinceWide ? [] : Spread(scope.Where(t => t.Open).Select(t => t.Id)),
                [.. draftsOf[p.Id]], provinceWide ? busiestPeriods : [.. reports.Where(r => r.UnitId == p.UnitId).Select(r => r.Period).Distinct().TakeLast(20)]);
        })];
    }

    /// <summary>
    /// A token for every virtual user that has none yet, with the secret the benchmark derives from the user name
    /// (<see cref="BenchAccounts.TokenOf"/>): written into the fixture database, which is never a live one.
    /// </summary>
    public static async Task GiveTokensAsync(BenchDatabase database, IReadOnlyList<VirtualUser> users, DateTime now)
    {
        await using var db = await database.BulkContextAsync();
        var hashes = users.ToDictionary(u => PersonalAccessToken.HashOf(BenchAccounts.TokenOf(u.UserName)));
        var existing = (await db.PersonalAccessTokens.Where(t => hashes.Keys.Contains(t.Hash)).Select(t => t.Hash).ToListAsync()).ToHashSet();
        db.PersonalAccessTokens.AddRange(hashes.Where(h => !existing.Contains(h.Key)).Select(h => new PersonalAccessToken
        {
            UserId = h.Value.Id, Name = "Đo tải", CreatedAt = now, Hash = h.Key, Hint = BenchAccounts.TokenOf(h.Value.UserName)[..10],
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>At most <see cref="PerUser"/> ids taken evenly from the whole list, not just its start.</summary>
    private static int[] Spread(IEnumerable<int> ids)
    {
        var all = ids.ToArray();
        return all.Length <= PerUser ? all : [.. Enumerable.Range(0, PerUser).Select(i => all[(int)((long)i * all.Length / PerUser)])];
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
