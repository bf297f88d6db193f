using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>The thread on a task: the coordinator, leaders (whose messages are directions) and the units involved.</summary>
public sealed class Comments(DonDocDbContext db, TimeProvider clock)
{
    public async Task<SaveResult<TaskComment>> PostAsync(ClaimsPrincipal user, int nodeId, string text, CancellationToken ct = default)
    {
        var scope = await UnitScope.ForAsync(user, db, ct);
        var involved = scope.All || await db.Assignments.AnyAsync(a => a.NodeId == nodeId
            && (a.LeadUnit!.Path.StartsWith(scope.Path!) || a.SupportingUnits.Any(s => s.Unit!.Path.StartsWith(scope.Path!))), ct);
        if (!involved || !await db.PlanNodes.AnyAsync(n => n.Id == nodeId && n.IsTask, ct))
            return SaveResult<TaskComment>.Fail("id", "Không tìm thấy nhiệm vụ.");
        if (string.IsNullOrWhiteSpace(text))
            return SaveResult<TaskComment>.Fail("text", "Nội dung trao đổi không được để trống.");
        if (text.Length > 10_000)
            return SaveResult<TaskComment>.Fail("text", "Nội dung trao đổi dài tối đa 10.000 ký tự.");
        var comment = new TaskComment
        {
            NodeId = nodeId,
            AuthorId = user.UserId() ?? 0,
            AuthorName = user.DisplayName(),
            AuthorUnitId = user.UnitId() ?? 0,
            PostedAt = clock.GetUtcNow().UtcDateTime,
            Text = text.Trim(),
            IsDirection = user.IsInRole(Roles.Leader),
        };
        db.TaskComments.Add(comment);
        await new WorkNotices(db, clock).CommentPostedAsync(comment, ct);
        await db.SaveChangesAsync(ct);
        return SaveResult<TaskComment>.Success(comment);
    }
}
