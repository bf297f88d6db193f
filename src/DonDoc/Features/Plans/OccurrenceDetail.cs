using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

public sealed record FileDto(int Id, string FileName, string ContentType, long Size);

public sealed record UpdateDto(int Id, int UnitId, string UnitName, string AuthorName, DateTime PostedAt, string Text, int? Percent,
    string? EvidenceNumber, DateOnly? EvidenceDate, bool ClaimsCompletion, DateOnly? ClaimedCompletedOn, UpdateReview Review,
    string? ReviewedByName, DateTime? ReviewedAt, string? ReviewNote, IReadOnlyList<FileDto> Files);

public sealed record ExtensionDto(int Id, string RequestedByName, DateTime RequestedAt, string Reason, DateOnly ProposedDueDate,
    ExtensionDecision Decision, string? DecidedByName, DateTime? DecidedAt, DateOnly? PreviousDueDate, DateOnly? ApprovedDueDate, string? DecisionNote);

public sealed record CommentDto(int Id, string AuthorName, DateTime PostedAt, string Text, bool IsDirection);

public sealed record OccurrenceDetailDto(OccurrenceDto Occurrence, int AssignmentId, int NodeId, int PlanId, string? PlanSymbol, string PlanTitle,
    string Path, string? Heading, string Text, string? ExpectedOutput, ScheduleDto Schedule, UnitRefDto LeadUnit, IReadOnlyList<UnitRefDto> SupportingUnits,
    IReadOnlyList<OccurrenceDto> OtherPeriods, IReadOnlyList<UpdateDto> Updates, IReadOnlyList<ExtensionDto> Extensions, IReadOnlyList<CommentDto> Comments);

public static class OccurrenceDetail
{
    /// <summary>Everything about one occurrence, or null when it does not exist or is outside the person's scope.</summary>
    public static async Task<OccurrenceDetailDto?> LoadAsync(DonDocDbContext db, UnitScope scope, int id, StatusDay day, CancellationToken ct = default)
    {
        if (!await TaskList.Visible(db, scope).AnyAsync(o => o.Id == id, ct))
            return null;
        var o = await db.Occurrences.AsNoTracking()
            .Include(x => x.Assignment!).ThenInclude(a => a.Node!).ThenInclude(n => n.Plan)
            .Include(x => x.Assignment!).ThenInclude(a => a.LeadUnit)
            .FirstAsync(x => x.Id == id, ct);
        var a = o.Assignment!;
        var node = a.Node!;
        // Not included above: SQLite builds the left-joined supporting units of every assignment before picking this one's.
        var supporting = await db.Set<AssignmentSupport>().Where(s => s.AssignmentId == a.Id).OrderBy(s => s.UnitId)
            .Select(s => new UnitRefDto(s.UnitId, s.Unit!.Name)).ToListAsync(ct);
        var periods = await db.Occurrences.AsNoTracking().Where(x => x.AssignmentId == a.Id && x.Id != id).OrderBy(x => x.PeriodStart).ToListAsync(ct);
        var updates = await db.ProgressUpdates.AsNoTracking().Where(u => u.OccurrenceId == id).OrderByDescending(u => u.PostedAt)
            .Select(u => new { u, UnitName = u.Unit!.Name }).ToListAsync(ct);
        var updateIds = updates.Select(x => x.u.Id).ToList();
        var files = (await db.StoredFiles.AsNoTracking().Where(f => f.OwnerType == Progress.OwnerType && updateIds.Contains(f.OwnerId))
            .Select(f => new { f.OwnerId, Dto = new FileDto(f.Id, f.FileName, f.ContentType, f.Size) }).ToListAsync(ct))
            .ToLookup(f => f.OwnerId, f => f.Dto);
        var extensions = await db.ExtensionRequests.AsNoTracking().Where(e => e.OccurrenceId == id).OrderByDescending(e => e.RequestedAt)
            .Select(e => new ExtensionDto(e.Id, e.RequestedByName, e.RequestedAt, e.Reason, e.ProposedDueDate, e.Decision, e.DecidedByName,
                e.DecidedAt, e.PreviousDueDate, e.ApprovedDueDate, e.DecisionNote)).ToListAsync(ct);
        var comments = await db.TaskComments.AsNoTracking().Where(c => c.NodeId == node.Id).OrderBy(c => c.PostedAt)
            .Select(c => new CommentDto(c.Id, c.AuthorName, c.PostedAt, c.Text, c.IsDirection)).ToListAsync(ct);
        return new OccurrenceDetailDto(ToDto(o, day), a.Id, node.Id, node.PlanId, node.Plan!.Symbol, node.Plan.Title, node.Path, node.Heading,
            node.Text, node.ExpectedOutput,
            new ScheduleDto(node.ScheduleKind ?? Rules.ScheduleKind.Continuous, node.DueDate, node.ScheduleDay, node.ScheduleMonth, node.FirstYear, node.LastYear, node.SchedulePhrase),
            new UnitRefDto(a.LeadUnitId, a.LeadUnit!.Name),
            supporting,
            periods.Select(p => ToDto(p, day)).ToList(),
            updates.Select(x => new UpdateDto(x.u.Id, x.u.UnitId, x.UnitName, x.u.AuthorName, x.u.PostedAt, x.u.Text, x.u.Percent, x.u.EvidenceNumber,
                x.u.EvidenceDate, x.u.ClaimsCompletion, x.u.ClaimedCompletedOn, x.u.Review, x.u.ReviewedByName, x.u.ReviewedAt, x.u.ReviewNote,
                files[x.u.Id].ToList())).ToList(),
            extensions, comments);
    }

    public static OccurrenceDto ToDto(Occurrence o, StatusDay day)
    {
        var status = o.StatusOn(day);
        return new OccurrenceDto(o.Id, o.Period, o.DueDate, o.OriginalDueDate, o.State, o.CompletedOn, status.Code, status.Label, status.DueSoon, status.DaysLate);
    }
}
