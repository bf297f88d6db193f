using DonDoc.Commands;
using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Demo;

/// <summary>
/// A living demo province: Nghệ An's units as the seed plan names them, their 2025 successors, districts
/// and communes, and one account per role. Loaded only into an empty database.
/// </summary>
public sealed class DemoData(DonDocDbContext db, SaveUnit saveUnit, UserManager<User> users, RoleManager<Role> roles, TimeProvider clock)
{
    public const string Password = "DonDoc@2026!";

    public async Task<bool> IsDatabaseEmptyAsync() => !await db.Units.AnyAsync() && !await db.Users.AnyAsync();

    public async Task LoadAsync()
    {
        await AccountCommands.EnsureRolesAsync(roles);
        var byCode = new Dictionary<string, Unit>();
        foreach (var u in DemoUnits.All)
        {
            var result = await saveUnit.CreateAsync(new UnitInput(u.Code, u.Name, u.ShortName, u.Aliases, u.Kind,
                u.ParentCode is { } p ? byCode[p].Id : null, u.ValidFrom, u.ValidTo, null, u.SortOrder));
            if (!result.Ok)
                throw new InvalidOperationException($"Demo unit {u.Code}: {result.Message}");
            byCode[u.Code] = result.Value!;
        }
        foreach (var u in DemoUnits.All.Where(u => u.SuccessorCode is not null))
            byCode[u.Code].SuccessorId = byCode[u.SuccessorCode!].Id;
        await db.SaveChangesAsync();

        foreach (var a in DemoAccounts.All)
        {
            var user = new User
            {
                UserName = a.UserName,
                FullName = a.FullName,
                Position = a.Position,
                Email = $"{a.UserName}@demo.dondoc.local",
                UnitId = byCode[a.UnitCode].Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            if (created.Succeeded)
                created = await users.AddToRoleAsync(user, a.Role);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo user {a.UserName}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
    }
}
