using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Notifications;

/// <summary>
/// What the units hear of their work: a task given to them, their completion accepted or returned, their extension
/// decided, a comment or a leader's direction on their task, their report accepted or returned. Each call adds the
/// notifications to the caller's context (see <see cref="Notify"/>); the caller's save writes them.
/// </summary>
public sealed class WorkNotices(DonDocDbContext db, TimeProvider clock)
{
    private readonly Notify _notify = new(db, clock);

    /// <summary>After the save that created the assignments: the links need their occurrences' ids.</summary>
    public async Task TasksAssignedAsync(IReadOnlyCollection<Assignment> added, int? assignedBy, CancellationToken ct = default)
    {
        foreach (var a in added)
        {
            var task = await TaskAsync(a.NodeId, ct);
            var occurrence = Current(a.Occurrences.Select(o => new OccurrenceRef(o.Id, o.State, o.PeriodStart, o.DueDate)));
            var due = occurrence?.DueDate is { } d ? $" Thời hạn: {VietnamTime.Date(d)}." : "";
            await _notify.ToUnitAsync(a.LeadUnitId, new NotificationMessage(NotificationKind.TaskAssigned,
                $"Nhiệm vụ mới được giao: {task.Path}{task.Plan}", $"{task.Summary}{due}",
                occurrence is null ? "/nhiem-vu/cua-toi" : $"/nhiem-vu/{occurrence.Id}", $"assigned:{a.Id}"), assignedBy, ct);
        }
    }

    public Task UpdateReviewedAsync(ProgressUpdate update, CancellationToken ct = default) =>
        OnTaskAsync(update.OccurrenceId, update.UnitId, $"update-review:{update.Id}", task => update.Review == UpdateReview.Accepted
            ? (NotificationKind.UpdateAccepted, $"Kết quả nhiệm vụ {task.Path} đã được tiếp nhận",
                $"{task.Summary} Ghi nhận hoàn thành ngày {VietnamTime.Date(update.ClaimedCompletedOn)}.")
            : (NotificationKind.UpdateReturned, $"Kết quả nhiệm vụ {task.Path} bị trả lại", $"{task.Summary} Lý do trả lại: {update.ReviewNote}"), ct);

    public Task ExtensionDecidedAsync(ExtensionRequest request, CancellationToken ct = default) =>
        OnTaskAsync(request.OccurrenceId, null, $"extension-decision:{request.Id}", task => request.Decision == ExtensionDecision.Approved
            ? (NotificationKind.ExtensionApproved, $"Đồng ý gia hạn nhiệm vụ {task.Path}",
                $"{task.Summary} Thời hạn mới: {VietnamTime.Date(request.ApprovedDueDate)}.")
            : (NotificationKind.ExtensionRejected, $"Không đồng ý gia hạn nhiệm vụ {task.Path}", $"{task.Summary} Lý do: {request.DecisionNote}"), ct);

    /// <summary>Every unit on the task, lead or supporting, hears of it, except the author.</summary>
    public async Task CommentPostedAsync(TaskComment comment, CancellationToken ct = default)
    {
        var task = await TaskAsync(comment.NodeId, ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.NodeId == comment.NodeId)
            .Select(a => new
            {
                a.LeadUnitId,
                Supporting = a.SupportingUnits.Select(s => s.UnitId).ToList(),
                Occurrences = a.Occurrences.Select(o => new OccurrenceRef(o.Id, o.State, o.PeriodStart, o.DueDate)).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        var links = new Dictionary<int, int>();
        foreach (var a in assignments.Where(a => a.Occurrences.Count > 0))
        {
            var occurrenceId = Current(a.Occurrences)!.Id;
            links[a.LeadUnitId] = occurrenceId;
            foreach (var unitId in a.Supporting)
                links.TryAdd(unitId, occurrenceId);
        }
        var message = new NotificationMessage(comment.IsDirection ? NotificationKind.Direction : NotificationKind.Comment,
            $"{(comment.IsDirection ? "Ý kiến chỉ đạo về" : "Trao đổi mới về")} nhiệm vụ {task.Path}", $"{comment.AuthorName}: {comment.Text}", "",
            $"comment:{Guid.NewGuid():N}");
        foreach (var (unitId, occurrenceId) in links)
            await _notify.ToUnitAsync(unitId, message with { Link = $"/nhiem-vu/{occurrenceId}" }, comment.AuthorId, ct);
    }

    public async Task ReportReviewedAsync(UnitReport report, CancellationToken ct = default)
    {
        var period = await db.ReportPeriods.AsNoTracking().Where(p => p.Id == report.PeriodId)
            .Select(p => new { p.Label, p.Template!.Name }).FirstAsync(ct);
        var accepted = report.State == ReportState.Accepted;
        await _notify.ToUnitAsync(report.UnitId, new NotificationMessage(
            accepted ? NotificationKind.ReportAccepted : NotificationKind.ReportReturned,
            accepted ? $"Báo cáo kỳ {period.Label} đã được tiếp nhận" : $"Báo cáo kỳ {period.Label} bị trả lại",
            accepted ? $"{period.Name}: báo cáo của đơn vị đã được tiếp nhận." : $"{period.Name}. Lý do trả lại: {report.ReturnReason}",
            $"/bao-cao/{report.Id}", $"report-review:{report.Id}:{report.Version}"), ct: ct);
    }

    private sealed record OccurrenceRef(int Id, OccurrenceState State, DateOnly PeriodStart, DateOnly? DueDate);

    /// <param name="Plan">" (Kế hoạch số 77/KH-UBND)", or nothing for a plan without a number: the plans' titles run to several lines.</param>
    private sealed record TaskRef(string Path, string Summary, string Plan);

    /// <summary>The period a unit works on now: the earliest not yet completed, else the latest.</summary>
    private static OccurrenceRef? Current(IEnumerable<OccurrenceRef> occurrences)
    {
        var ordered = occurrences.OrderBy(o => o.PeriodStart).ToList();
        return ordered.FirstOrDefault(o => o.State != OccurrenceState.Completed) ?? ordered.LastOrDefault();
    }

    private async Task<TaskRef> TaskAsync(int nodeId, CancellationToken ct)
    {
        var n = await db.PlanNodes.AsNoTracking().Where(n => n.Id == nodeId)
            .Select(n => new { n.Path, n.Text, n.Heading, n.Plan!.Symbol }).FirstAsync(ct);
        return new TaskRef(n.Path, Notify.Fit(string.IsNullOrWhiteSpace(n.Text) ? n.Heading ?? "" : n.Text, 200),
            n.Symbol is null ? "" : $" (Kế hoạch số {n.Symbol})");
    }

    /// <summary>
    /// Tells a unit (its lead unit when none is given) of a decision on one period of a task; <paramref name="words"/>
    /// gives the notice's kind, title and text from the task.
    /// </summary>
    private async Task OnTaskAsync(int occurrenceId, int? unitId, string key, Func<TaskRef, (NotificationKind Kind, string Title, string Text)> words,
        CancellationToken ct)
    {
        var o = await db.Occurrences.AsNoTracking().Where(o => o.Id == occurrenceId)
            .Select(o => new { o.Assignment!.NodeId, o.Assignment.LeadUnitId }).FirstAsync(ct);
        var (kind, title, text) = words(await TaskAsync(o.NodeId, ct));
        await _notify.ToUnitAsync(unitId ?? o.LeadUnitId, new NotificationMessage(kind, title, text, $"/nhiem-vu/{occurrenceId}", key), ct: ct);
    }
}
