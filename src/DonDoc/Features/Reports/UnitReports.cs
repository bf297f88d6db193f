using System.Security.Claims;
using System.Text.Json;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

/// <summary>What the unit's officer types: each section's text and each indicator's value.</summary>
public sealed record ReportDraft(IReadOnlyDictionary<int, string> Sections, IReadOnlyDictionary<int, IndicatorValue> Values);

/// <summary>
/// A unit's report through its workflow: the officer drafts and sends it to the unit head, who submits it in their
/// name (or the head drafts and submits directly); the coordinator accepts it or returns it with reasons; a
/// returned report is corrected and submitted again. Accepting the report completes the plan's reporting task for
/// that unit and period.
/// </summary>
public sealed class UnitReports(DonDocDbContext db, TimeProvider clock)
{
    private const string Noun = "Báo cáo";

    public async Task<SaveResult<UnitReport>> SaveDraftAsync(ClaimsPrincipal user, int id, ReportDraft draft, long? expectedVersion, CancellationToken ct = default)
    {
        var (report, refusal) = await OwnReportAsync(user, id, ct);
        if (report is null)
            return refusal!;
        if (report.State is ReportState.Submitted or ReportState.Accepted)
            return SaveResult<UnitReport>.Fail("state", report.State == ReportState.Accepted
                ? "Báo cáo đã được tiếp nhận; không sửa được nữa."
                : "Báo cáo đã gửi và đang chờ tiếp nhận; không sửa được trừ khi bị trả lại.");
        if (expectedVersion is { } v && v != report.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, report, v, ct);
        var template = report.Period!.Template!;
        var errors = new Dictionary<string, string[]>();
        var sectionIds = template.Sections.Select(s => s.Id).ToHashSet();
        if (draft.Sections.Keys.Any(k => !sectionIds.Contains(k)) || draft.Values.Keys.Any(k => template.Indicators.All(i => i.Id != k)))
            errors["sections"] = ["Báo cáo có mục hoặc chỉ tiêu không thuộc mẫu báo cáo."];
        foreach (var indicator in template.Indicators)
        {
            // Missing figures are allowed in a draft; the rest of the rule applies as soon as a figure is typed.
            if (draft.Values.TryGetValue(indicator.Id, out var value) && value.Value is not null
                && IndicatorRules.Validate(indicator.Rule, value.Value) is { } error)
                errors[$"values.{indicator.Id}"] = [error];
        }
        var clean = draft.Sections.ToDictionary(s => s.Key, s => RichText.Sanitize(s.Value));
        if (clean.Values.Any(html => html.Length > RichText.MaxLength))
            errors["sections"] = [RichText.TooLong];
        if (errors.Count > 0)
            return SaveResult<UnitReport>.Fail(errors);
        foreach (var (sectionId, html) in clean)
        {
            if (report.Sections.FirstOrDefault(s => s.SectionId == sectionId) is { } existing)
                existing.Html = html;
            else
                report.Sections.Add(new UnitReportSection { SectionId = sectionId, Html = html });
        }
        foreach (var (indicatorId, value) in draft.Values)
        {
            if (report.Values.FirstOrDefault(x => x.IndicatorId == indicatorId) is { } existing)
                (existing.Value, existing.IsEstimate) = (value.Value, value.IsEstimate);
            else
                report.Values.Add(new UnitReportValue { IndicatorId = indicatorId, Value = value.Value, IsEstimate = value.IsEstimate });
        }
        if (report.State == ReportState.AwaitingApproval && !user.IsInRole(Roles.UnitHead))
            report.State = ReportState.Draft;
        return await SaveAsync(report, ct);
    }

    /// <summary>The officer sends the report to the unit head; the unit head submits it to the receiving body in their name.</summary>
    public async Task<SaveResult<UnitReport>> SubmitAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var (report, refusal) = await OwnReportAsync(user, id, ct);
        if (report is null)
            return refusal!;
        if (report.State is ReportState.Submitted or ReportState.Accepted)
            return SaveResult<UnitReport>.Fail("state", "Báo cáo đã được gửi; không gửi lại được.");
        var head = user.IsInRole(Roles.UnitHead);
        if (!head && report.State == ReportState.AwaitingApproval)
            return SaveResult<UnitReport>.Fail("state", "Báo cáo đã trình thủ trưởng đơn vị và đang chờ duyệt.");
        if (Incomplete(report) is { Count: > 0 } errors)
            return SaveResult<UnitReport>.Fail(errors);
        if (!head)
        {
            report.State = ReportState.AwaitingApproval;
            return await SaveAsync(report, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        report.State = ReportState.Submitted;
        report.SubmittedAt = now;
        report.FirstSubmittedOn ??= VietnamTime.Today(clock);
        report.SubmittedInNameOf = user.DisplayName();
        report.ReturnReason = null;
        db.ReportSubmissions.Add(new ReportSubmission
        {
            ReportId = report.Id, SubmittedAt = now, SubmittedByName = user.DisplayName(), SubmittedInNameOf = user.DisplayName(),
            Snapshot = JsonSerializer.Serialize(new ReportSnapshot(
                report.Sections.ToDictionary(s => s.SectionId, s => s.Html),
                report.Values.ToDictionary(v => v.IndicatorId, v => new IndicatorValue(v.Value, v.IsEstimate)),
                await ReportAttachments.ListAsync(db, report.Id, ct))),
        });
        return await SaveAsync(report, ct);
    }

    /// <summary>The coordinator accepts a submitted report, or returns it with the reasons the unit must fix.</summary>
    public async Task<SaveResult<UnitReport>> ReviewAsync(ClaimsPrincipal user, int id, bool accept, string? reason, CancellationToken ct = default)
    {
        var report = await db.UnitReports.Include(r => r.Period!).ThenInclude(p => p.Template).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return SaveResult<UnitReport>.Fail("id", "Không tìm thấy báo cáo.");
        if (report.State != ReportState.Submitted)
            return SaveResult<UnitReport>.Fail("state", report.State == ReportState.Accepted
                ? "Báo cáo đã được tiếp nhận."
                : "Chỉ tiếp nhận hoặc trả lại được báo cáo đơn vị đã gửi.");
        if (!accept && string.IsNullOrWhiteSpace(reason))
            return SaveResult<UnitReport>.Fail("reason", "Cần ghi lý do trả lại để đơn vị biết phải sửa gì.");
        if (!accept && reason!.Trim().Length > 4000)
            return SaveResult<UnitReport>.Fail("reason", "Lý do trả lại dài tối đa 4.000 ký tự.");
        var now = clock.GetUtcNow().UtcDateTime;
        report.State = accept ? ReportState.Accepted : ReportState.Returned;
        report.ReturnReason = accept ? null : reason!.Trim();
        (report.ReviewedByName, report.ReviewedAt) = (user.DisplayName(), now);
        if (accept)
            await CompleteReportingTaskAsync(user, report, now, ct);
        await new WorkNotices(db, clock).ReportReviewedAsync(report, ct);
        return await SaveAsync(report, ct);
    }

    /// <summary>Fills the empty sections of a draft from the unit's task progress within the period.</summary>
    public async Task<SaveResult<UnitReport>> PrefillAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var (report, refusal) = await OwnReportAsync(user, id, ct);
        if (report is null)
            return refusal!;
        if (report.State is not (ReportState.Draft or ReportState.Returned))
            return SaveResult<UnitReport>.Fail("state", "Chỉ điền sẵn được báo cáo đang soạn.");
        var period = report.Period!;
        var template = period.Template!;
        var empty = template.Sections.Where(s => s.NodeId is not null
            && report.Sections.FirstOrDefault(x => x.SectionId == s.Id) is not { Html.Length: > 0 }).ToList();
        var nodeIds = empty.Select(s => s.NodeId!.Value).ToList();
        var paths = await db.PlanNodes.Where(n => nodeIds.Contains(n.Id)).Select(n => new { n.Id, n.Path }).ToDictionaryAsync(n => n.Id, n => n.Path, ct);
        var from = VietnamTime.StartOfDayUtc(period.DataFrom);
        var to = VietnamTime.StartOfDayUtc(period.DataTo.AddDays(1));
        // All the unit's work on the plan in the period at once; each section then takes its own task group's share.
        var work = paths.Count == 0 ? [] : (await db.ProgressUpdates.AsNoTracking()
                .Where(u => u.UnitId == report.UnitId && u.PostedAt >= from && u.PostedAt < to && u.Review != UpdateReview.Returned
                    && u.Occurrence!.Assignment!.PlanId == template.PlanId)
                .Select(u => new { u.Occurrence!.Assignment!.Node!.Path, u.PostedAt, u.Text, u.EvidenceNumber, u.EvidenceDate, Done = u.Review == UpdateReview.Accepted })
                .ToListAsync(ct))
            .Select(w => new ReportedWork(w.Path, DateOnly.FromDateTime(VietnamTime.ToLocal(w.PostedAt)), w.Text, w.EvidenceNumber, w.EvidenceDate, w.Done))
            .ToList();
        foreach (var section in empty)
        {
            if (!paths.TryGetValue(section.NodeId!.Value, out var path))
                continue;
            var html = PrefillText.Compose(work.Where(w => w.TaskPath == path || w.TaskPath.StartsWith(path + ".", StringComparison.Ordinal)));
            if (html.Length == 0)
                continue;
            if (report.Sections.FirstOrDefault(s => s.SectionId == section.Id) is { } blank)
                blank.Html = html;
            else
                report.Sections.Add(new UnitReportSection { SectionId = section.Id, Html = html });
        }
        return await SaveAsync(report, ct);
    }

    /// <summary>The report if the person works in the reporting unit (404 otherwise, as for anything out of scope).</summary>
    internal async Task<(UnitReport?, SaveResult<UnitReport>?)> OwnReportAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var report = await db.UnitReports
            .Include(r => r.Unit).Include(r => r.Sections).Include(r => r.Values)
            .Include(r => r.Period!).ThenInclude(p => p.Template!).ThenInclude(t => t.Sections)
            .Include(r => r.Period!).ThenInclude(p => p.Template!).ThenInclude(t => t.Indicators)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        var scope = await UnitScope.ForAsync(user, db, ct);
        if (report is null || !scope.Covers(report.Unit!.Path))
            return (null, SaveResult<UnitReport>.Fail("id", "Không tìm thấy báo cáo."));
        if (scope.All || !(user.IsInRole(Roles.UnitHead) || user.IsInRole(Roles.UnitOfficer)))
            return (null, SaveResult<UnitReport>.Fail("unit", "Chỉ cán bộ của đơn vị báo cáo mới soạn và gửi được báo cáo của đơn vị."));
        return (report, null);
    }

    private static Dictionary<string, string[]> Incomplete(UnitReport report)
    {
        var errors = new Dictionary<string, string[]>();
        if (report.Sections.All(s => string.IsNullOrWhiteSpace(TextDiff.PlainText(s.Html))))
            errors["sections"] = ["Báo cáo chưa có nội dung."];
        foreach (var indicator in report.Period!.Template!.Indicators)
        {
            var value = report.Values.FirstOrDefault(v => v.IndicatorId == indicator.Id)?.Value;
            if (IndicatorRules.Validate(indicator.Rule, value) is { } error)
                errors[$"values.{indicator.Id}"] = [error];
        }
        return errors;
    }

    private async Task CompleteReportingTaskAsync(ClaimsPrincipal user, UnitReport report, DateTime now, CancellationToken ct)
    {
        var period = report.Period!;
        if (period.Template!.TaskNodeId is not { } nodeId)
            return;
        var occurrence = await db.Occurrences.FirstOrDefaultAsync(o => o.Assignment!.NodeId == nodeId && o.Assignment.LeadUnitId == report.UnitId
            && o.Period == period.Label && o.State != OccurrenceState.Completed, ct);
        if (occurrence is null)
            return;
        occurrence.State = OccurrenceState.Completed;
        occurrence.CompletedOn = report.FirstSubmittedOn;
        db.ProgressUpdates.Add(new ProgressUpdate
        {
            OccurrenceId = occurrence.Id, UnitId = report.UnitId, AuthorId = user.UserId() ?? 0, AuthorName = user.DisplayName(), PostedAt = now,
            Text = $"Báo cáo kỳ {period.Label} của đơn vị đã được tiếp nhận trên DonDoc.", ClaimsCompletion = true,
            ClaimedCompletedOn = report.FirstSubmittedOn, Review = UpdateReview.Accepted, ReviewedById = user.UserId(),
            ReviewedByName = user.DisplayName(), ReviewedAt = now,
        });
    }

    private Task<SaveResult<UnitReport>> SaveAsync(UnitReport report, CancellationToken ct) =>
        ConcurrentChanges.SaveAsync(db, Noun, report, () => db.SaveChangesAsync(ct), ct);
}
