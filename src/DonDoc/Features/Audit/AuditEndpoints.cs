using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Audit;

public static class AuditEndpoints
{
    public sealed record AuditDto(long Id, DateTime At, int? UserId, string? UserName, AuditAction Action,
        string EntityType, string EntityId, string Changes);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", ListAsync).RequireAuthorization(Policies.ViewAudit).WithTags("Nhật ký")
            .WithName("ListAudit").WithSummary("Nhật ký thay đổi, mới nhất trước");
        app.MapGet("/api/v1/audit/verify", async (DonDocDbContext db, AuditChain chain, CancellationToken ct) => TypedResults.Ok(await chain.VerifyAsync(db, ct)))
            .RequireAuthorization(Policies.ViewAudit).WithTags("Nhật ký")
            .WithName("VerifyAudit").WithSummary("Kiểm tra chuỗi nhật ký: dòng đầu tiên bị sửa, xóa hoặc chèn (nếu có)");
    }

    private static async Task<Ok<Page<AuditDto>>> ListAsync(DonDocDbContext db, [AsParameters] AuditFilter filter, CancellationToken ct)
    {
        var (items, total) = await QueryAsync(db, filter, ct);
        return TypedResults.Ok(new Page<AuditDto>(items, total));
    }

    public static async Task<(List<AuditDto> Items, int Total)> QueryAsync(DonDocDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = filter.Apply(db.AuditEntries.AsNoTracking());
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, 500))
            .Select(a => new AuditDto(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToListAsync(ct);
        return (items, total);
    }
}

/// <summary>The filters of the Nhật ký page and API; dates are Vietnamese calendar days.</summary>
public sealed record AuditFilter(
    string? EntityType = null, string? EntityId = null, string? User = null, AuditAction? Action = null,
    DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 50)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> q)
    {
        if (!string.IsNullOrWhiteSpace(EntityType))
            q = q.Where(a => a.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(EntityId))
            q = q.Where(a => a.EntityId == EntityId);
        if (!string.IsNullOrWhiteSpace(User))
            q = q.Where(a => a.UserName != null && a.UserName.Contains(User));
        if (Action is { } action)
            q = q.Where(a => a.Action == action);
        if (From is { } from)
        {
            var start = Calendar.VietnamTime.StartOfDayUtc(from);
            q = q.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = Calendar.VietnamTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }
        return q;
    }
}
