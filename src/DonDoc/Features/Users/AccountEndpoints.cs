using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Features.Users;

public static class AccountEndpoints
{
    public sealed record MeDto(int Id, string UserName, string FullName, string? Email, string? Position,
        UnitRef Unit, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

    public sealed record UnitRef(int Id, string Code, string Name);

    public sealed record CreateTokenRequest(string? Name, int? ValidDays, TokenScope? Scope);

    public sealed record ReauthenticateRequest(string? Password);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding a form field makes the endpoint check the antiforgery token, so no other site can sign a user out.
        app.MapPost("/dang-xuat", async (SignInManager<User> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/dang-nhap");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost(SessionRefresh.Path, SessionRefresh.RenewCookieAsync).RequireAuthorization().ExcludeFromDescription();

        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Tài khoản");
        me.MapGet("/", MeAsync).WithName("Me").WithSummary("Người dùng đang đăng nhập: đơn vị, vai trò");
        // A plain authenticated request slides the sign-in cookie; an open page calls it while its user is active.
        me.MapGet("/keepalive", () => TypedResults.NoContent()).ExcludeFromDescription();
        me.MapPost("/reauthenticate", ReauthenticateAsync).WithName("Reauthenticate")
            .WithSummary("Nhập lại mật khẩu trước các thay đổi nhạy cảm (người dùng, vai trò); có hiệu lực vài phút qua cookie dondoc.reauth");
        me.MapGet("/tokens", ListTokensAsync).WithName("ListMyTokens")
            .WithSummary("Token truy cập cá nhân của tôi (không gồm giá trị bí mật)");
        me.MapPost("/tokens", CreateTokenAsync).WithName("CreateMyToken")
            .WithSummary("Tạo token truy cập cá nhân; giá trị bí mật chỉ trả về một lần");
        me.MapDelete("/tokens/{id:int}", RevokeTokenAsync).WithName("RevokeMyToken").WithSummary("Thu hồi một token của tôi");
    }

    private static async Task<Results<NoContent, ValidationProblem>> ReauthenticateAsync(
        ReauthenticateRequest request, Reauthentication reauthentication, HttpContext http, IOptions<SessionPolicy> options)
    {
        var result = await reauthentication.ConfirmAsync(request.Password);
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Không xác nhận được.");
        http.Response.Cookies.Append(Reauthentication.CookieName, reauthentication.CookieFor(result.Value!), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/api",
            MaxAge = options.Value.ReauthenticationWindow,
        });
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<AccessTokens.TokenDto>>, UnauthorizedHttpResult>> ListTokensAsync(CurrentActor actor, AccessTokens tokens) =>
        (await actor.PrincipalAsync()).UserId() is { } id ? TypedResults.Ok(await tokens.ListAsync(id)) : TypedResults.Unauthorized();

    private static async Task<Results<Created<AccessTokens.Created>, ValidationProblem, UnauthorizedHttpResult>> CreateTokenAsync(
        CreateTokenRequest request, CurrentActor actor, AccessTokens tokens)
    {
        if ((await actor.PrincipalAsync()).UserId() is not { } id)
            return TypedResults.Unauthorized();
        var result = await tokens.CreateAsync(id, request.Name, request.ValidDays, request.Scope ?? TokenScope.Full);
        return result.Ok
            ? TypedResults.Created($"/api/v1/me/tokens/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors, title: "Không tạo được token.");
    }

    private static async Task<Results<NoContent, NotFound, UnauthorizedHttpResult>> RevokeTokenAsync(int id, CurrentActor actor, AccessTokens tokens)
    {
        if ((await actor.PrincipalAsync()).UserId() is not { } userId)
            return TypedResults.Unauthorized();
        return await tokens.RevokeAsync(userId, id) ? TypedResults.NoContent() : TypedResults.NotFound();
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
