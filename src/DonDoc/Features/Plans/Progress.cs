using System.Security.Claims;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

public sealed record ProgressInput(
    string Text,
    int? Percent = null,
    string? EvidenceNumber = null,
    DateOnly? EvidenceDate = null,
    bool ClaimsCompletion = false,
    DateOnly? CompletedOn = null);

/// <summary>
/// Units report progress with evidence; the coordinator accepts a completion (it then counts as done on the date
/// the unit claimed) or returns it with a reason. Updates are only ever added, so the history stays whole.
/// </summary>
public sealed class Progress(DonDocDbContext db, FileStore files, TimeProvider clock)
{
    public const string OwnerType = "ProgressUpdate";

    public async Task<SaveResult<ProgressUpdate>> PostAsync(ClaimsPrincipal user, int occurrenceId, ProgressInput input,
        IReadOnlyList<FileStore.Upload>? uploads = null, CancellationToken ct = default)
    {
        var occurrence = await db.Occurrences
            .Include(o => o.Assignment!).ThenInclude(a => a.LeadUnit)
            .FirstOrDefaultAsync(o => o.Id == occurrenceId, ct);
        // Loaded by the assignment's key: included above, SQLite builds every assignment's supporting units first.
        if (occurrence?.Assignment is { } assignment)
            await db.Entry(assignment).Collection(a => a.SupportingUnits).Query().Include(s => s.Unit).LoadAsync(ct);
        var scope = await UnitScope.ForAsync(user, db, ct);
        if (occurrence?.Assignment?.LeadUnit is not { } lead || user.UserId() is not { } userId || user.UnitId() is not { } userUnitId)
            return SaveResult<ProgressUpdate>.Fail("id", "Không tìm thấy nhiệm vụ.");
        var asLead = !scope.All && scope.Covers(lead.Path);
        var asSupport = !asLead && !scope.All && occurrence.Assignment.SupportingUnits.Any(s => s.Unit is { } u && scope.Covers(u.Path));
        if (!asLead && !asSupport)
            return SaveResult<ProgressUpdate>.Fail("id", scope.All
                ? "Chỉ đơn vị chủ trì hoặc phối hợp mới báo cáo tiến độ nhiệm vụ."
                : "Không tìm thấy nhiệm vụ.");
        var today = VietnamTime.Today(clock);
        var errors = Validate(input, asLead, occurrence, today, uploads?.Count ?? 0);
        if (errors.Count > 0)
            return SaveResult<ProgressUpdate>.Fail(errors);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var update = new ProgressUpdate
        {
            OccurrenceId = occurrence.Id,
            UnitId = asLead ? lead.Id : userUnitId,
            AuthorId = userId,
            AuthorName = user.DisplayName(),
            PostedAt = clock.GetUtcNow().UtcDateTime,
            Text = input.Text.Trim(),
            Percent = input.Percent,
            EvidenceNumber = string.IsNullOrWhiteSpace(input.EvidenceNumber) ? null : input.EvidenceNumber.Trim(),
            EvidenceDate = input.EvidenceDate,
            ClaimsCompletion = input.ClaimsCompletion,
            ClaimedCompletedOn = input.ClaimsCompletion ? input.CompletedOn ?? today : null,
            Review = input.ClaimsCompletion ? UpdateReview.Pending : UpdateReview.None,
        };
        db.ProgressUpdates.Add(update);
        if (input.ClaimsCompletion)
            occurrence.State = OccurrenceState.AwaitingReview;
        await db.SaveChangesAsync(ct);
        if (uploads is { Count: > 0 })
        {
            var saved = await files.SaveAsync(uploads, userId, OwnerType, update.Id, ct);
            if (!saved.Ok)
            {
                if (tx is not null)
                    await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return SaveResult<ProgressUpdate>.Fail(saved.Errors);
            }
            await db.SaveChangesAsync(ct);
        }
        if (tx is not null)
            await tx.CommitAsync(ct);
        return SaveResult<ProgressUpdate>.Success(update);
    }

    /// <summary>The coordinator's decision on a completion: accept, or return with a reason.</summary>
    public async Task<SaveResult<ProgressUpdate>> ReviewAsync(ClaimsPrincipal user, int updateId, bool accept, string? note, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.Admin))
            return SaveResult<ProgressUpdate>.Fail("id", "Chỉ đầu mối theo dõi mới tiếp nhận hoặc trả lại kết quả.");
        var update = await db.ProgressUpdates.Include(u => u.Occurrence).FirstOrDefaultAsync(u => u.Id == updateId, ct);
        if (update?.Occurrence is not { } occurrence)
            return SaveResult<ProgressUpdate>.Fail("id", "Không tìm thấy báo cáo tiến độ.");
        if (update.Review != UpdateReview.Pending)
            return SaveResult<ProgressUpdate>.Fail("review", update.Review switch
            {
                UpdateReview.Accepted => "Kết quả này đã được tiếp nhận.",
                UpdateReview.Returned => "Kết quả này đã được trả lại; đơn vị cần gửi lại.",
                _ => "Cập nhật này không đề nghị xác nhận hoàn thành.",
            });
        if (!accept && string.IsNullOrWhiteSpace(note))
            return SaveResult<ProgressUpdate>.Fail("note", "Cần nêu lý do trả lại.");
        update.Review = accept ? UpdateReview.Accepted : UpdateReview.Returned;
        update.ReviewedById = user.UserId();
        update.ReviewedByName = user.DisplayName();
        update.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        update.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (accept)
        {
            occurrence.State = OccurrenceState.Completed;
            occurrence.CompletedOn = update.ClaimedCompletedOn;
            occurrence.Reported = true;
        }
        else
        {
            occurrence.State = OccurrenceState.Open;
        }
        await new WorkNotices(db, clock).UpdateReviewedAsync(update, ct);
        await db.SaveChangesAsync(ct);
        return SaveResult<ProgressUpdate>.Success(update);
    }

    private static Dictionary<string, string[]> Validate(ProgressInput input, bool asLead, Occurrence occurrence, DateOnly today, int fileCount)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Text))
            errors["text"] = ["Hãy nêu nội dung đã thực hiện."];
        if (input.Percent is < 0 or > 100)
            errors["percent"] = ["Tỷ lệ hoàn thành phải từ 0 đến 100%."];
        if (input.EvidenceDate is { } evidenceDate && evidenceDate > today)
            errors["evidenceDate"] = ["Ngày của văn bản minh chứng không được sau hôm nay."];
        if (occurrence.State == OccurrenceState.Completed)
            errors["state"] = ["Nhiệm vụ đã được tiếp nhận hoàn thành; không thể cập nhật thêm."];
        if (!input.ClaimsCompletion)
            return errors;
        if (!asLead)
            errors["claimsCompletion"] = ["Chỉ đơn vị chủ trì mới báo hoàn thành nhiệm vụ."];
        else if (occurrence.State == OccurrenceState.AwaitingReview)
            errors["claimsCompletion"] = ["Nhiệm vụ đang chờ tiếp nhận kết quả; hãy chờ đầu mối xem xét."];
        var hasDocument = !string.IsNullOrWhiteSpace(input.EvidenceNumber) && input.EvidenceDate is not null;
        if (!hasDocument && fileCount == 0)
            errors["evidence"] = ["Báo hoàn thành cần minh chứng: số và ngày của văn bản, hoặc tệp đính kèm."];
        if (input.CompletedOn is { } done && done > today)
            errors["completedOn"] = ["Ngày hoàn thành không được sau hôm nay."];
        return errors;
    }
}
