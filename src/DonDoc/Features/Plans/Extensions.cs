using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>
/// Deadline changes: the lead unit asks for a later date with a reason; the coordinator approves (the new date is
/// in force, the old one kept on the request) or rejects.
/// </summary>
public sealed class Extensions(DonDocDbContext db, TimeProvider clock)
{
    public async Task<SaveResult<ExtensionRequest>> RequestAsync(ClaimsPrincipal user, int occurrenceId, DateOnly proposed, string reason, CancellationToken ct = default)
    {
        var occurrence = await db.Occurrences.Include(o => o.Assignment!).ThenInclude(a => a.LeadUnit)
            .FirstOrDefaultAsync(o => o.Id == occurrenceId, ct);
        var scope = await UnitScope.ForAsync(user, db, ct);
        if (occurrence?.Assignment?.LeadUnit is not { } lead || scope.All || !scope.Covers(lead.Path))
            return SaveResult<ExtensionRequest>.Fail("id", "Không tìm thấy nhiệm vụ của đơn vị.");
        if (occurrence.DueDate is not { } due)
            return SaveResult<ExtensionRequest>.Fail("id", "Nhiệm vụ thường xuyên không có thời hạn để gia hạn.");
        if (occurrence.State == OccurrenceState.Completed)
            return SaveResult<ExtensionRequest>.Fail("state", "Nhiệm vụ đã hoàn thành.");
        if (proposed <= due)
            return SaveResult<ExtensionRequest>.Fail("proposedDueDate", "Thời hạn đề nghị phải sau thời hạn hiện tại.");
        if (string.IsNullOrWhiteSpace(reason))
            return SaveResult<ExtensionRequest>.Fail("reason", "Hãy nêu lý do đề nghị gia hạn.");
        if (await db.ExtensionRequests.AnyAsync(e => e.OccurrenceId == occurrenceId && e.Decision == ExtensionDecision.Pending, ct))
            return SaveResult<ExtensionRequest>.Fail("state", "Đã có một đề nghị gia hạn đang chờ xem xét.");
        var request = new ExtensionRequest
        {
            OccurrenceId = occurrenceId,
            RequestedById = user.UserId() ?? 0,
            RequestedByName = user.DisplayName(),
            RequestedAt = clock.GetUtcNow().UtcDateTime,
            Reason = reason.Trim(),
            ProposedDueDate = proposed,
            PreviousDueDate = due,
        };
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return SaveResult<ExtensionRequest>.Success(request);
    }

    public async Task<SaveResult<ExtensionRequest>> DecideAsync(ClaimsPrincipal user, int requestId, bool approve, DateOnly? approvedDueDate, string? note, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.Admin))
            return SaveResult<ExtensionRequest>.Fail("id", "Chỉ đầu mối theo dõi mới quyết định gia hạn.");
        var request = await db.ExtensionRequests.Include(e => e.Occurrence).FirstOrDefaultAsync(e => e.Id == requestId, ct);
        if (request?.Occurrence is not { } occurrence)
            return SaveResult<ExtensionRequest>.Fail("id", "Không tìm thấy đề nghị gia hạn.");
        if (request.Decision != ExtensionDecision.Pending)
            return SaveResult<ExtensionRequest>.Fail("decision", "Đề nghị này đã được quyết định.");
        if (!approve && string.IsNullOrWhiteSpace(note))
            return SaveResult<ExtensionRequest>.Fail("note", "Cần nêu lý do không đồng ý gia hạn.");
        var newDue = approvedDueDate ?? request.ProposedDueDate;
        if (approve && occurrence.DueDate is { } current && newDue <= current)
            return SaveResult<ExtensionRequest>.Fail("approvedDueDate", "Thời hạn mới phải sau thời hạn hiện tại.");
        request.Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Rejected;
        request.DecidedById = user.UserId();
        request.DecidedByName = user.DisplayName();
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        request.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (approve)
        {
            request.PreviousDueDate = occurrence.DueDate;
            request.ApprovedDueDate = newDue;
            occurrence.DueDate = newDue;
        }
        await new WorkNotices(db, clock).ExtensionDecidedAsync(request, ct);
        await db.SaveChangesAsync(ct);
        return SaveResult<ExtensionRequest>.Success(request);
    }
}
