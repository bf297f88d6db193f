using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>
/// What deleting part of a plan may take with it. Only work nobody has acted on goes: once a unit reported
/// progress or asked for an extension, or a unit's own plan hangs under a node, the history must stay.
/// </summary>
internal static class PlanDeletion
{
    public static async Task<string?> RefusalAsync(DonDocDbContext db, IQueryable<PlanNode> nodes, CancellationToken ct)
    {
        var nodeIds = nodes.Select(n => n.Id);
        var occurrenceIds = db.Occurrences.Where(o => nodeIds.Contains(o.Assignment!.NodeId)).Select(o => o.Id);
        if (await db.ProgressUpdates.AnyAsync(u => occurrenceIds.Contains(u.OccurrenceId), ct))
            return "Đã có đơn vị báo cáo tiến độ cho nhiệm vụ ở đây; không xóa được để giữ lịch sử.";
        if (await db.ExtensionRequests.AnyAsync(e => occurrenceIds.Contains(e.OccurrenceId), ct))
            return "Đã có đề nghị gia hạn cho nhiệm vụ ở đây; không xóa được để giữ lịch sử.";
        if (await db.Plans.AnyAsync(p => p.ParentNodeId != null && nodeIds.Contains(p.ParentNodeId.Value), ct))
            return "Đã có kế hoạch của đơn vị gắn với nhiệm vụ ở đây; hãy gỡ các kế hoạch đó trước.";
        return null;
    }

    /// <summary>
    /// Nodes point at their parents with a restricting key, so they are detached first and then deleted in one
    /// statement; their assignments, occurrences and comments go with them by cascade.
    /// </summary>
    public static async Task RemoveAsync(IQueryable<PlanNode> nodes, CancellationToken ct)
    {
        await nodes.ExecuteUpdateAsync(s => s.SetProperty(n => n.ParentId, (int?)null), ct);
        await nodes.ExecuteDeleteAsync(ct);
    }
}
