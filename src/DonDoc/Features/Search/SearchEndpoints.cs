using DonDoc.Data;
using DonDoc.Features.Search.Rules;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Features.Search;

public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync).WithTags("Tìm kiếm").RequireAuthorization().WithName("Search")
            .WithSummary("Tìm kế hoạch, nhiệm vụ, cập nhật tiến độ, báo cáo, văn bản, đơn vị (có dấu hoặc không dấu) trong phạm vi được xem");
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(string? q, SearchKind? kind, int? take,
        DonDocDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var results = await SearchQueries.SearchAsync(db, await UnitScope.ForAsync(actor, db, ct), q, kind, take ?? 10, ct);
        return results.Searchable
            ? TypedResults.Ok(results)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [SearchText.TooShort] }, title: "Chưa tìm được.");
    }
}
