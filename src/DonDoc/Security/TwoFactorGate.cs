using Microsoft.AspNetCore.Authorization;

namespace DonDoc.Security;

/// <summary>
/// Keeps a user whose role requires two-step verification, and who has not set it up, on the account page until
/// they have: every other page redirects there and the API answers 403. The claim that marks them is dropped when the
/// circuit's principal is refreshed after setup (<see cref="Features.Users.SessionRefresh"/>).
/// In-circuit navigation never reaches this middleware; <c>TwoFactorRedirect</c> in the layout covers it.
/// </summary>
public static class TwoFactorGate
{
    public const string EnrolPage = "/tai-khoan";
    public const string EnrolUrl = EnrolPage + "?bat-buoc=xac-thuc-hai-buoc";

    public const string Message =
        "Vai trò của bạn bắt buộc dùng xác thực hai bước. Hãy bật xác thực hai bước ở trang Tài khoản (/tai-khoan) trước khi tiếp tục.";

    private static readonly string[] AllowedPrefixes = [EnrolPage, "/api/v1/me", "/dang-xuat", "/_blazor", "/_framework", "/_content"];

    public static bool Allows(PathString path) =>
        AllowedPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Styles and scripts are known by their endpoint, not by a dot in the path: "/api/v1/rankings.xlsx" is data.
        var endpoint = context.GetEndpoint();
        if (!context.User.MustEnrolTwoFactor() || Allows(context.Request.Path)
            || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(Message, statusCode: StatusCodes.Status403Forbidden, title: "Cần bật xác thực hai bước.").ExecuteAsync(context);
        else
            context.Response.Redirect(EnrolUrl);
    });
}
