using DonDoc.Features.Users;

namespace DonDoc.Security;

/// <summary>What a personal access token may do, within its owner's rights (phạm vi của token).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TokenScope>))]
public enum TokenScope
{
    /// <summary>Everything its owner may do.</summary>
    Full,

    /// <summary>Reads only: a dashboard or an export that must never change data.</summary>
    ReadOnly,

    /// <summary>Reading and writing reports only: the usual script that fills a unit's figures.</summary>
    Reports,
}

/// <summary>
/// Holds a token to its scope. The owner's roles and unit still decide the rest; a scope only narrows them.
/// A signed-in person (cookie) carries no scope claim and is not affected.
/// </summary>
public static class TokenScopes
{
    public const string Claim = "dondoc:token_scope";

    private static readonly string[] ReportPaths = ["/api/v1/reports", "/api/v1/report-periods", "/api/v1/report-templates"];

    public static string Label(this TokenScope scope) => scope switch
    {
        TokenScope.ReadOnly => "Chỉ đọc",
        TokenScope.Reports => "Chỉ báo cáo",
        _ => "Toàn quyền của tài khoản",
    };

    /// <summary>Why the request is outside the token's scope, or null when it is inside.</summary>
    public static string? Refusal(TokenScope scope, string method, PathString path) => scope switch
    {
        TokenScope.ReadOnly when !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) => "Token này chỉ được phép đọc dữ liệu.",
        TokenScope.Reports when !ReportPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) =>
            "Token này chỉ dùng cho báo cáo định kỳ (/api/v1/reports, /api/v1/report-periods, /api/v1/report-templates).",
        _ => null,
    };

    public static IApplicationBuilder UseTokenScopes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Enum.TryParse<TokenScope>(context.User.FindFirst(Claim)?.Value, out var scope)
            && Refusal(scope, context.Request.Method, context.Request.Path) is { } refusal)
        {
            await Results.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Ngoài phạm vi của token.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
