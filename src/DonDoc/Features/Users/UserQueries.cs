using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

/// <summary>One user as the admin list, the admin API and the account page show it.</summary>
public sealed record UserDto(
    int Id, string UserName, string FullName, string? Email, string? Position, int UnitId, string UnitName,
    bool IsActive, DateTimeOffset? LockedUntil, bool TwoFactorEnabled, IReadOnlyList<string> Roles, DateTime CreatedAt)
{
    public string? Role => Roles.Count > 0 ? Roles[0] : null;
    public string RoleLabels => string.Join(", ", Roles.Select(Users.Roles.Label));
    public bool IsLockedOut => LockedUntil is not null;

    public string StatusLabel => !IsActive ? "Vô hiệu hóa" : IsLockedOut ? "Đã khóa" : "Hoạt động";
}

public static class UserQueries
{
    public sealed record Filter(string? Text = null, int? UnitId = null, string? Role = null);

    /// <summary>Users matching the text (user name or full name), in the unit or a unit under it, with the role.</summary>
    public static async Task<IQueryable<User>> SearchAsync(DonDocDbContext db, Filter filter, CancellationToken ct = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Case-insensitive on both databases: the normalized (upper-case) user name and the lower-cased full name.
            var upper = filter.Text.Trim().ToUpperInvariant();
            var lower = filter.Text.Trim().ToLowerInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.FullName.ToLower().Contains(lower));
        }
        if (filter.UnitId is { } unitId)
        {
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
            users = path is null ? users.Where(_ => false) : users.Where(u => u.Unit!.Path.StartsWith(path));
        }
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var role = filter.Role.Trim();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        return users;
    }

    /// <summary>Orders by a column of the list: user name (the default), full name or unit.</summary>
    public static IQueryable<User> Sort(IQueryable<User> users, string? by, bool descending) => (by, descending) switch
    {
        (nameof(UserDto.FullName), false) => users.OrderBy(u => u.FullName).ThenBy(u => u.UserName),
        (nameof(UserDto.FullName), true) => users.OrderByDescending(u => u.FullName).ThenBy(u => u.UserName),
        (nameof(UserDto.UnitName), false) => users.OrderBy(u => u.Unit!.Name).ThenBy(u => u.UserName),
        (nameof(UserDto.UnitName), true) => users.OrderByDescending(u => u.Unit!.Name).ThenBy(u => u.UserName),
        (_, true) => users.OrderByDescending(u => u.UserName),
        _ => users.OrderBy(u => u.UserName),
    };

    public static IQueryable<UserDto> Project(IQueryable<User> users, DonDocDbContext db) =>
        users.Select(u => new UserDto(
            u.Id, u.UserName!, u.FullName, u.Email, u.Position, u.UnitId, u.Unit!.Name, u.IsActive, u.LockoutEnd,
            u.TwoFactorEnabled,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            u.CreatedAt));

    /// <summary>
    /// Runs the projection and keeps a lockout end only while it lies ahead: SQLite cannot compare the
    /// DateTimeOffset column in SQL.
    /// </summary>
    public static async Task<List<UserDto>> ListAsync(IQueryable<User> users, DonDocDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var list = await Project(users, db).ToListAsync(ct);
        return list.ConvertAll(u => u.LockedUntil > now ? u : u with { LockedUntil = null });
    }

    public static async Task<UserDto?> GetAsync(DonDocDbContext db, int id, TimeProvider clock, CancellationToken ct = default) =>
        (await ListAsync(db.Users.AsNoTracking().Where(u => u.Id == id), db, clock, ct)).FirstOrDefault();
}
