using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DonDoc.Security;

/// <summary>
/// Security headers on every answer and rate limits on the login forms and the API. Limits come from
/// configuration (RateLimits:LoginPerMinute, RateLimits:ApiPerMinute) so a load test can lift them; 0 turns one off.
/// </summary>
public static class WebHardening
{
    private const string LoginPaths = "/dang-nhap";

    // Blazor and MudBlazor need no inline script or eval; MudBlazor sets inline styles. The API reference page
    // (Scalar) writes its set-up as an inline script, so it alone is allowed one.
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private const string ApiDocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddDonDocRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var loginPerMinute = config.GetValue("RateLimits:LoginPerMinute", 20);
        var apiPerMinute = config.GetValue("RateLimits:ApiPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                if (loginPerMinute > 0 && HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments(LoginPaths))
                    return Window("login:" + Client(context), loginPerMinute);
                if (apiPerMinute > 0 && path.StartsWithSegments("/api"))
                    return Window("api:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Client(context)), apiPerMinute);
                return RateLimitPartition.GetNoLimiter("");
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Bạn gửi quá nhiều yêu cầu trong một phút; hãy đợi một lát rồi thử lại.", ct);
            };
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-docs") ? ApiDocsPolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // API answers are one person's view of scoped data: a shared office computer's cache must not keep them.
            if (context.Request.Path.StartsWithSegments("/api"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(context);
    });

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
