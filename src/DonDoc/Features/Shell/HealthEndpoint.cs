using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Shell;

public static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (DonDocDbContext db, CancellationToken ct) =>
        {
            var reachable = await CanConnectAsync(db, ct);
            var body = new { status = reachable ? "ok" : "unavailable", database = reachable ? "ok" : "unreachable", provider = db.Database.ProviderName };
            return reachable ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Hệ thống").WithName("Health").WithSummary("Tình trạng ứng dụng và cơ sở dữ liệu");

    private static async Task<bool> CanConnectAsync(DonDocDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception)
        {
            return false;
        }
    }
}
