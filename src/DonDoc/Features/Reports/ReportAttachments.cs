using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Reports.Rules;
using DonDoc.Security;
using DonDoc.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

/// <summary>A file sent with a report (tài liệu kèm theo), as listed on the report and in each submission.</summary>
public sealed record AttachedFile(int Id, string Name, long Size);

/// <summary>
/// Files a unit attaches to its report: added and removed only while the report is still the unit's to edit.
/// A removed file is kept, not erased, because an earlier submission may have carried it and its history must
/// still open it.
/// </summary>
public sealed class ReportAttachments(DonDocDbContext db, UnitReports reports, FileStore store)
{
    public const string OwnerType = "UnitReport";
    public const string RemovedOwnerType = "UnitReport.Removed";
    public const int MaxFiles = 20;

    public async Task<SaveResult<UnitReport>> AttachAsync(ClaimsPrincipal user, int id, IReadOnlyList<FileStore.Upload> uploads, CancellationToken ct = default)
    {
        var (report, refusal) = await EditableAsync(user, id, ct);
        if (report is null)
            return refusal!;
        if (uploads.Count == 0)
            return SaveResult<UnitReport>.Fail("files", "Chưa chọn tệp nào.");
        var attached = await db.StoredFiles.CountAsync(f => f.OwnerType == OwnerType && f.OwnerId == id, ct);
        if (attached + uploads.Count > MaxFiles)
            return SaveResult<UnitReport>.Fail("files", $"Mỗi báo cáo kèm tối đa {MaxFiles} tệp; báo cáo đã có {attached} tệp.");
        var saved = await store.SaveAsync(uploads, user.UserId() ?? 0, OwnerType, id, ct);
        if (!saved.Ok)
            return SaveResult<UnitReport>.Fail(saved.Errors);
        await db.SaveChangesAsync(ct);
        return SaveResult<UnitReport>.Success(report);
    }

    public async Task<SaveResult<UnitReport>> DetachAsync(ClaimsPrincipal user, int id, int fileId, CancellationToken ct = default)
    {
        var (report, refusal) = await EditableAsync(user, id, ct);
        if (report is null)
            return refusal!;
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerType == OwnerType && f.OwnerId == id, ct);
        if (file is null)
            return SaveResult<UnitReport>.Fail("fileId", "Báo cáo không có tệp này.");
        file.OwnerType = RemovedOwnerType;
        await db.SaveChangesAsync(ct);
        return SaveResult<UnitReport>.Success(report);
    }

    /// <summary>A file of the report, current or sent with an earlier submission; null when the person may not see the report.</summary>
    public async Task<StoredFile?> FindAsync(UnitScope scope, int id, int fileId, CancellationToken ct = default)
    {
        if (!await ReportQueries.Visible(db, scope).AnyAsync(r => r.Id == id, ct))
            return null;
        return await db.StoredFiles.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerId == id && (f.OwnerType == OwnerType || f.OwnerType == RemovedOwnerType), ct);
    }

    public Stream Open(StoredFile file) => store.Open(file);

    public static string Url(int reportId, int fileId) => $"/api/v1/reports/{reportId}/files/{fileId}";

    public static Task<List<AttachedFile>> ListAsync(DonDocDbContext db, int id, CancellationToken ct = default) =>
        db.StoredFiles.AsNoTracking().Where(f => f.OwnerType == OwnerType && f.OwnerId == id).OrderBy(f => f.Id)
            .Select(f => new AttachedFile(f.Id, f.FileName, f.Size)).ToListAsync(ct);

    private async Task<(UnitReport?, SaveResult<UnitReport>?)> EditableAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var (report, refusal) = await reports.OwnReportAsync(user, id, ct);
        if (report is null)
            return (null, refusal);
        if (report.State is ReportState.Submitted or ReportState.Accepted)
            return (null, SaveResult<UnitReport>.Fail("state", report.State == ReportState.Accepted
                ? "Báo cáo đã được tiếp nhận; không thay đổi được tệp kèm theo."
                : "Báo cáo đã gửi và đang chờ tiếp nhận; không thay đổi được tệp kèm theo trừ khi bị trả lại."));
        return (report, null);
    }
}
