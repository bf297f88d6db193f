using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Bench.Generate;

/// <summary>The units and staff later stages draw on: who leads tasks, who posts updates, whose name the audit shows.</summary>
internal sealed record Province(IReadOnlyList<Unit> Units, Unit Ubnd, IReadOnlyDictionary<int, int[]> OfficersByUnit,
    IReadOnlyDictionary<int, string> NameOf, int CoordinatorId);

internal static class UnitsAndPeople
{
    private const int ProvinceLeaders = 5;

    /// <summary>
    /// Nghệ An's real units (<see cref="DemoUnits"/>: the UBND, its agencies, the 2022 districts and the 2025
    /// communes) and made-up communes under the UBND to reach the scale; at small scale the UBND, a few agencies
    /// and the first localities, always with the units of the benchmark's accounts.
    /// </summary>
    public static async Task<List<Unit>> UnitsAsync(DonDocDbContext db, Scale scale, CancellationToken ct)
    {
        var real = DemoUnits.All.ToList();
        if (scale.Units < real.Count)
        {
            var localities = real.Where(u => u.Kind is UnitKind.District or UnitKind.Commune).Take(scale.Units / 2).ToList();
            var accounts = BenchAccounts.All.Select(a => a.UnitCode).ToHashSet();
            real = [.. real.Where(u => u.Kind is not (UnitKind.District or UnitKind.Commune)).OrderBy(u => !accounts.Contains(u.Code))
                .Take(scale.Units - localities.Count).OrderBy(u => u.ParentCode is not null), .. localities];
            real = [.. real.Where(u => u.SuccessorCode is null || real.Any(s => s.Code == u.SuccessorCode))];
        }
        var byCode = new Dictionary<string, Unit>();
        foreach (var d in real)
        {
            byCode[d.Code] = new Unit
            {
                Code = d.Code, Name = d.Name, ShortName = d.ShortName, Aliases = [.. d.Aliases], Kind = d.Kind,
                Parent = d.ParentCode is { } p ? byCode[p] : null, ValidFrom = d.ValidFrom, ValidTo = d.ValidTo, SortOrder = d.SortOrder,
            };
        }
        foreach (var d in real.Where(d => d.SuccessorCode is not null))
            byCode[d.Code].Successor = byCode[d.SuccessorCode!];
        var ubnd = byCode[DemoUnits.UbndTinh];
        for (var i = 0; byCode.Count < scale.Units; i++)
        {
            var name = VietnameseText.CommuneName(i);
            var code = $"000.{i % 90 + 10:00}.{i / 90 + 61:00}.H41";
            byCode[code] = new Unit
            {
                Code = code, Name = $"Ủy ban nhân dân xã {name}", ShortName = $"UBND xã {name}", Aliases = [$"UBND xã {name}", $"Xã {name}"],
                Kind = UnitKind.Commune, Parent = ubnd, ValidFrom = new DateOnly(2025, 7, 1), SortOrder = 200 + i,
            };
        }
        db.Units.AddRange(byCode.Values);
        await db.SaveChangesAsync(ct);
        foreach (var unit in byCode.Values.Where(u => u.Parent is null).Concat(byCode.Values.Where(u => u.Parent is not null)))
            unit.Path = UnitRules.ChildPath(unit.Parent?.Path, unit.Id);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return [.. byCode.Values];
    }

    /// <summary>
    /// Staff spread over the units by size (an agency has eight times a commune's people): in each unit a head, two
    /// officers and staff; plus <see cref="BenchAccounts"/>. Every account gets ONE precomputed password hash: hashing
    /// 60,000 passwords with Identity's PBKDF2 (100,000 rounds each) would take most of an hour on two cores, and a
    /// hash is opaque data to every query the benchmark times.
    /// </summary>
    public static async Task<Province> PeopleAsync(DonDocDbContext db, DatabaseProvider provider, Scale scale, List<Unit> units, DateTime now,
        CancellationToken ct)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new Role(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        db.Roles.AddRange(roles.Values);
        await db.SaveChangesAsync(ct);

        var random = new Random(Generator.Seed + 1);
        var hash = new PasswordHasher<User>().HashPassword(new User(), DemoData.Password);
        var users = new List<User>(scale.Users);
        var userRoles = new List<IdentityUserRole<int>>(scale.Users);
        var officers = new Dictionary<int, List<int>>();
        var names = new Dictionary<int, string>();
        var byCode = units.ToDictionary(u => u.Code);
        var coordinatorId = 0;
        var ubnd = byCode[DemoUnits.UbndTinh];

        User Add(string userName, string fullName, string position, string role, Unit unit)
        {
            var user = new User
            {
                Id = users.Count + 1, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = $"{userName}@nghean.gov.vn",
                NormalizedEmail = $"{userName}@nghean.gov.vn".ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash,
                SecurityStamp = $"{random.NextInt64():X16}{random.NextInt64():X16}", ConcurrencyStamp = $"{random.NextInt64():X16}",
                LockoutEnabled = true, FullName = fullName, Position = position, UnitId = unit.Id, IsActive = true, CreatedAt = now.AddDays(-random.Next(1, 1826)),
            };
            users.Add(user);
            userRoles.Add(new IdentityUserRole<int> { UserId = user.Id, RoleId = roles[role].Id });
            names[user.Id] = fullName;
            if (role == Roles.UnitOfficer)
                (officers.TryGetValue(unit.Id, out var list) ? list : officers[unit.Id] = []).Add(user.Id);
            return user;
        }

        foreach (var a in BenchAccounts.All)
        {
            var user = Add(a.UserName, a.FullName, a.Position, a.Role, byCode[a.UnitCode]);
            if (a.Role == Roles.Coordinator)
                coordinatorId = user.Id;
        }
        double Weight(Unit u) => u.Kind switch { UnitKind.Commune => 1, UnitKind.District => 3, UnitKind.Province => 6, _ => 8 };
        var total = units.Sum(Weight);
        var remaining = scale.Users - users.Count;
        foreach (var (unit, index) in units.Select((u, i) => (u, i)))
        {
            var count = index == units.Count - 1 ? scale.Users - users.Count : (int)(remaining * Weight(unit) / total);
            for (var k = 0; k < count; k++)
            {
                var fullName = VietnameseText.FullName(random);
                var role = k == 0 ? Roles.UnitHead : k <= 2 ? Roles.UnitOfficer : Roles.Staff;
                var position = k == 0 ? (unit.Kind == UnitKind.Department ? "Giám đốc" : "Chủ tịch") : VietnameseText.Pick(random, VietnameseText.Positions);
                // The UBND tỉnh's first people are the province's leaders (the load test signs in as several); decided
                // after drawing the position so that every other generated row stays as it was.
                if (unit == ubnd && k < ProvinceLeaders)
                    (role, position) = (Roles.Leader, k == 0 ? "Chủ tịch UBND tỉnh" : "Phó Chủ tịch UBND tỉnh");
                Add($"{VietnameseText.Ascii(fullName)}.{users.Count + 1}", fullName, position, role, unit);
            }
        }

        await BulkTable.WriteAsync(db, provider, users, ct);
        await BulkTable.WriteAsync(db, provider, userRoles, ct);
        db.PersonalAccessTokens.AddRange(BenchAccounts.All.Select(a => new PersonalAccessToken
        {
            UserId = users.Single(u => u.UserName == a.UserName).Id, Name = "Đo hiệu năng", CreatedAt = now,
            Hash = PersonalAccessToken.HashOf(BenchAccounts.TokenOf(a.UserName)), Hint = BenchAccounts.TokenOf(a.UserName)[..10],
        }));
        await db.SaveChangesAsync(ct);
        return new Province(units, ubnd, officers.ToDictionary(p => p.Key, p => p.Value.ToArray()), names, coordinatorId);
    }
}
