using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

public static class UserEndpoints
{
    public sealed record UserDto(int Id, string UserName, string FullName, string? Email, string? Position,
        int UnitId, string UnitName, bool IsActive, IReadOnlyList<string> Roles);

    public static IServiceCollection AddUsers(this IServiceCollection services) => services.AddScoped<AccessTokens>();

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Người dùng").RequireAuthorization(Policies.ManageUsers);
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Danh sách người dùng");
    }

    private static async Task<Ok<List<UserDto>>> ListAsync(DonDocDbContext db, string? q = null, int? unitId = null)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            users = users.Where(u => u.UserName!.Contains(q) || u.FullName.Contains(q));
        if (unitId is { } id)
            users = users.Where(u => u.UnitId == id);
        var list = await users.OrderBy(u => u.UserName)
            .Select(u => new UserDto(u.Id, u.UserName!, u.FullName, u.Email, u.Position, u.UnitId, u.Unit!.Name, u.IsActive,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .ToListAsync();
        return TypedResults.Ok(list);
    }
}
