using DonDoc.Commands;
using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Demo;

/// <summary>
/// A living demo province: Nghệ An's units as the seed plan names them, their 2025 successors, districts
/// and communes (<see cref="DemoUnits"/>), the <see cref="DemoAccounts"/>, and the seed plan
/// (<see cref="DemoSeedPlan"/>) with its history since 2022 (<see cref="DemoHistory"/>). Loaded only into an
/// empty database.
/// </summary>
public sealed class DemoData(DonDocDbContext db, UserManager<User> users, RoleManager<Role> roles,
    IUserClaimsPrincipalFactory<User> principals, FileStore files, TimeProvider clock)
{
    public const string Password = "DonDoc@2026!";

    public async Task<bool> IsDatabaseEmptyAsync(CancellationToken ct = default) =>
        !await db.Units.AnyAsync(ct) && !await db.Users.AnyAsync(ct);

    /// <summary>
    /// Loads everything in one transaction: a load cut short leaves the database empty, so the next start
    /// loads it again instead of finding "data" and keeping half a province.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database already holds units or users.</exception>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await IsDatabaseEmptyAsync(ct))
            throw new InvalidOperationException("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu để tránh trộn lẫn.");
        var units = await AddUnitsAsync(ct);
        var people = await PeopleAsync(await AddAccountsAsync(units));
        var plan = await new DemoSeedPlan(db, clock).AddAsync(units.Values, people.Coordinator, ct);
        await new DemoHistory(db, files, clock).AddAsync(plan, units.Values, people, ct);
        await new DemoReports(db, clock).AddAsync(plan, people.Coordinator, ct);
        await tx.CommitAsync(ct);
    }

    /// <remarks>
    /// Not through <see cref="SaveUnit"/>: it commits each unit in a transaction of its own, which cannot nest
    /// in the one above. The same rules check every unit, and all are inserted in one round.
    /// </remarks>
    private async Task<Dictionary<string, Unit>> AddUnitsAsync(CancellationToken ct)
    {
        var byCode = new Dictionary<string, Unit>();
        foreach (var d in DemoUnits.All)
        {
            var errors = UnitRules.Validate(new UnitInput(d.Code, d.Name, d.ShortName, d.Aliases, d.Kind, null, d.ValidFrom, d.ValidTo, null, d.SortOrder));
            if (errors.Count > 0)
                throw new InvalidOperationException($"Demo unit {d.Code}: {string.Join(" ", errors.Values.SelectMany(e => e))}");
            byCode.Add(d.Code, new Unit
            {
                Code = d.Code,
                Name = d.Name,
                ShortName = d.ShortName,
                Aliases = [.. d.Aliases],
                Kind = d.Kind,
                Parent = d.ParentCode is { } p ? byCode[p] : null,
                ValidFrom = d.ValidFrom,
                ValidTo = d.ValidTo,
                SortOrder = d.SortOrder,
            });
        }
        foreach (var d in DemoUnits.All.Where(d => d.SuccessorCode is not null))
            byCode[d.Code].Successor = byCode[d.SuccessorCode!];
        db.Units.AddRange(byCode.Values);
        await db.SaveChangesAsync(ct);

        // Paths hold the ids, known only now; DemoUnits lists every parent before its children.
        foreach (var d in DemoUnits.All)
            byCode[d.Code].Path = UnitRules.ChildPath(byCode[d.Code].Parent?.Path, byCode[d.Code].Id);
        await db.SaveChangesAsync(ct);
        return byCode;
    }

    private async Task<Dictionary<string, User>> AddAccountsAsync(Dictionary<string, Unit> units)
    {
        var byName = new Dictionary<string, User>();
        await AccountCommands.EnsureRolesAsync(roles);
        // The accounts share a public password, so one hash serves all: each hash costs 100,000 PBKDF2
        // rounds, a noticeable part of a first start on a small server when repeated for every account.
        string? sharedHash = null;
        foreach (var a in DemoAccounts.All)
        {
            var user = new User
            {
                UserName = a.UserName,
                FullName = a.FullName,
                Position = a.Position,
                Email = $"{a.UserName}@demo.dondoc.local",
                UnitId = units[a.UnitCode].Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                PasswordHash = sharedHash,
            };
            var created = sharedHash is null ? await users.CreateAsync(user, Password) : await users.CreateAsync(user);
            sharedHash ??= user.PasswordHash;
            if (created.Succeeded)
                created = await users.AddToRoleAsync(user, a.Role);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo user {a.UserName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            byName.Add(a.UserName, user);
        }
        return byName;
    }

    /// <summary>Who acts in the plan's history: the coordinator and the leader signed in as themselves, and the units' officers.</summary>
    private async Task<DemoHistory.People> PeopleAsync(Dictionary<string, User> accounts) => new(
        await principals.CreateAsync(accounts["daumoi"]),
        await principals.CreateAsync(accounts["lanhdao"]),
        DemoAccounts.All.Where(a => a.Role == Roles.UnitOfficer).ToDictionary(a => accounts[a.UserName].UnitId, a => accounts[a.UserName]));
}
