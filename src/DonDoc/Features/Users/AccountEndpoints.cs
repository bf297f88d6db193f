using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

public static class AccountEndpoints
{
    public sealed record MeDto(int Id, string UserName, string FullName, string? Email, string? Position,
        UnitRef Unit, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

    public sealed record UnitRef(int Id, string Code, string Name);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding a form field makes the endpoint check the antiforgery token, so no other site can sign a user out.
        app.MapPost("/dang-xuat", async (SignInManager<User> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/dang-nhap");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/api/v1/me", MeAsync).RequireAuthorization().WithTags("Tài khoản")
            .WithName("Me").WithSummary("Người dùng đang đăng nhập: đơn vị, vai trò");
    }

    private static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> MeAsync(CurrentActor actor, DonDocDbContext db, UserManager<User> users)
    {
        var principal = await actor.PrincipalAsync();
        if (principal.UserId() is not { } id)
            return TypedResults.Unauthorized();
        var user = await db.Users.AsNoTracking().Include(u => u.Unit).FirstOrDefaultAsync(u => u.Id == id);
        if (user?.Unit is null)
            return TypedResults.Unauthorized();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeDto(user.Id, user.UserName!, user.FullName, user.Email, user.Position,
            new UnitRef(user.Unit.Id, user.Unit.Code, user.Unit.Name), roles.ToList(), user.TwoFactorEnabled));
    }
}
