using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

public static class UserEndpoints
{
    public sealed record CreateUserRequest(string? UserName, string? Password, string? FullName, string? Position, string? Email,
        int? UnitId, string? Role)
    {
        public UserDetails Details => new(FullName, Position, Email, UnitId, Role);
    }

    public sealed record UpdateUserRequest(string? FullName, string? Position, string? Email, int? UnitId, string? Role)
    {
        public UserDetails Details => new(FullName, Position, Email, UnitId, Role);
    }

    public sealed record PasswordRequest(string? Password);

    public static IServiceCollection AddUsers(this IServiceCollection services) =>
        services.AddScoped<AccessTokens>().AddScoped<SaveUser>().AddScoped<MyAccount>().AddScoped<SessionRefresh>().AddScoped<SecurityEvents>()
            .AddScoped<Reauthentication>();

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Người dùng").RequireAuthorization(Policies.ManageUsers)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                await http.RequestServices.GetRequiredService<Reauthentication>().AcceptCookieAsync(http.Request.Cookies[Reauthentication.CookieName]);
                return await next(context);
            });
        group.MapGet("/", ListAsync).WithName("ListUsers")
            .WithSummary("Danh sách người dùng; lọc theo tên, đơn vị (gồm đơn vị trực thuộc) và vai trò");
        group.MapGet("/{id:int}", GetAsync).WithName("GetUser").WithSummary("Một người dùng");
        group.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Thêm người dùng");
        group.MapPut("/{id:int}", UpdateAsync).WithName("UpdateUser").WithSummary("Sửa họ tên, chức vụ, thư điện tử, đơn vị, vai trò");
        group.MapPost("/{id:int}/deactivate", (int id, SaveUser save, DonDocDbContext db, TimeProvider clock) =>
                ChangeAsync(id, db, clock, () => save.DeactivateAsync(id), "Không vô hiệu hóa được người dùng."))
            .WithName("DeactivateUser").WithSummary("Vô hiệu hóa: người dùng không đăng nhập được nữa");
        group.MapPost("/{id:int}/activate", (int id, SaveUser save, DonDocDbContext db, TimeProvider clock) =>
                ChangeAsync(id, db, clock, () => save.ActivateAsync(id), "Không kích hoạt lại được người dùng."))
            .WithName("ActivateUser").WithSummary("Kích hoạt lại người dùng đã bị vô hiệu hóa");
        group.MapPost("/{id:int}/reset-password", (int id, PasswordRequest request, SaveUser save, DonDocDbContext db, TimeProvider clock) =>
                ChangeAsync(id, db, clock, () => save.ResetPasswordAsync(id, request.Password), "Không đặt lại được mật khẩu."))
            .WithName("ResetUserPassword").WithSummary("Đặt mật khẩu mới cho người dùng; các phiên đăng nhập của họ kết thúc");
        group.MapPost("/{id:int}/unlock", (int id, SaveUser save, DonDocDbContext db, TimeProvider clock) =>
                ChangeAsync(id, db, clock, () => save.UnlockAsync(id), "Không mở khóa được người dùng."))
            .WithName("UnlockUser").WithSummary("Mở khóa người dùng bị khóa do đăng nhập sai nhiều lần");
    }

    private static async Task<Ok<List<UserDto>>> ListAsync(DonDocDbContext db, TimeProvider clock,
        string? q = null, int? unitId = null, string? role = null)
    {
        var users = await UserQueries.SearchAsync(db, new UserQueries.Filter(q, unitId, role));
        return TypedResults.Ok(await UserQueries.ListAsync(UserQueries.Sort(users, null, false), db, clock));
    }

    private static async Task<Results<Ok<UserDto>, NotFound>> GetAsync(int id, DonDocDbContext db, TimeProvider clock) =>
        await UserQueries.GetAsync(db, id, clock) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    private static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, SaveUser save, DonDocDbContext db, TimeProvider clock)
    {
        var result = await save.CreateAsync(request.UserName, request.Password, request.Details);
        if (Unconfirmed(result) is { } unconfirmed)
            return unconfirmed;
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Dữ liệu người dùng chưa hợp lệ.");
        var user = (await UserQueries.GetAsync(db, result.Value!.Id, clock))!;
        return TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    private static Task<Results<Ok<UserDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, UpdateUserRequest request, SaveUser save, DonDocDbContext db, TimeProvider clock) =>
        ChangeAsync(id, db, clock, () => save.UpdateAsync(id, request.Details), "Không lưu được người dùng.");

    private static async Task<Results<Ok<UserDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        int id, DonDocDbContext db, TimeProvider clock, Func<Task<SaveResult<User>>> change, string title)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id))
            return TypedResults.NotFound();
        var result = await change();
        if (Unconfirmed(result) is { } unconfirmed)
            return unconfirmed;
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: title);
        return TypedResults.Ok((await UserQueries.GetAsync(db, id, clock))!);
    }

    /// <summary>403 with the way out: confirm the password at <c>POST /api/v1/me/reauthenticate</c>, then repeat the change.</summary>
    private static ProblemHttpResult? Unconfirmed(SaveResult<User> result) =>
        result.Errors.ContainsKey(Reauthentication.ErrorKey)
            ? TypedResults.Problem(Reauthentication.Message + " (POST /api/v1/me/reauthenticate)", statusCode: StatusCodes.Status403Forbidden,
                title: "Cần xác nhận lại mật khẩu.")
            : null;
}
