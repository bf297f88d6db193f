using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

public sealed record PlanSummary(int Id, string? Symbol, string Title, DateOnly? IssuedOn, PlanStatus Status, int IssuingUnitId,
    string IssuingUnitName, int? ParentPlanId, int? ParentNodeId, IReadOnlyList<string> Basis, int TaskCount);

/// <param name="Version">What an edit of the item sends back, so that a save over someone else's is refused.</param>
public sealed record NodeDto(int Id, int? ParentId, string Label, string Path, string? Heading, string Text, bool IsTask, int SortOrder, long Version);

public sealed record PlanDetail(PlanSummary Plan, string? Signer, IReadOnlyList<string> SignatureLines, IReadOnlyList<string> Recipients,
    IReadOnlyList<BasisDto> BasisDocuments, IReadOnlyList<NodeDto> Nodes, long Version);

public sealed record BasisDto(int Id, string Kind, string Symbol, DateOnly? IssuedOn, string? Issuer);

public sealed record ScheduleDto(ScheduleKind Kind, DateOnly? DueDate, int Day, int Month, int? FirstYear, int? LastYear, string? Phrase);

public sealed record UnitRefDto(int Id, string Name);

public sealed record OccurrenceDto(int Id, string Period, DateOnly? DueDate, DateOnly? OriginalDueDate, OccurrenceState State,
    DateOnly? CompletedOn, AssignmentStatusCode Status, string StatusLabel, bool DueSoon, int? DaysLate);

public sealed record AssignmentDto(int Id, UnitRefDto LeadUnit, IReadOnlyList<UnitRefDto> SupportingUnits, string? AssignedAsGroup,
    UnitRefDto? TransferredFrom, IReadOnlyList<OccurrenceDto> Occurrences);

public sealed record PlanTaskDto(int NodeId, string Path, string Label, string? Heading, string Content, string? ExpectedOutput,
    ScheduleDto Schedule, IReadOnlyList<AssignmentDto> Assignments);

/// <summary>Where a plan's visible occurrences stand: the report rates, work due within the week, standing duties.</summary>
public sealed record PlanProgress(CompletionRates Rates, int DueSoon, int Continuous)
{
    public static readonly PlanProgress None = new(new CompletionRates(0, 0, 0, 0), 0, 0);
}

public sealed record PlanRef(int Id, string? Symbol, string Title);

/// <summary>A row of the plan list; <see cref="Parent"/> is the plan a unit's own plan concretises.</summary>
public sealed record PlanListItem(PlanSummary Plan, PlanRef? Parent, PlanProgress Progress);

public sealed record PlanListPage(IReadOnlyList<PlanListItem> Items, int Total);

/// <summary>A unit's own plan hung under a province plan, or under one of its tasks (<see cref="ParentNodeId"/>).</summary>
public sealed record SubPlanDto(int Id, string? Symbol, string Title, DateOnly? IssuedOn, PlanStatus Status, string IssuingUnitName, int? ParentNodeId);

/// <summary>The province plan, and task of it, that a unit's plan concretises.</summary>
public sealed record ParentRefDto(int PlanId, string? Symbol, string Title, int? NodeId, string? NodePath);

/// <summary>Reads of plans for the pages and the API, scoped like everything else.</summary>
public static class PlanQueries
{
    public static Task<List<PlanSummary>> ListAsync(DonDocDbContext db, string? text = null, CancellationToken ct = default) =>
        Search(db.Plans.AsNoTracking(), text).OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id).Select(Summary).ToListAsync(ct);

    private static IQueryable<Plan> Search(IQueryable<Plan> plans, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return plans;
        var t = text.Trim().ToLower();
        return plans.Where(p => p.Title.ToLower().Contains(t) || (p.Symbol != null && p.Symbol.ToLower().Contains(t)));
    }

    /// <summary>
    /// One page of the plan list, newest first (drafts without a date on top, on both databases), each plan with
    /// the progress of the occurrences the person may see.
    /// </summary>
    public static async Task<PlanListPage> PageAsync(DonDocDbContext db, UnitScope scope, string? text, PlanStatus? status, int skip, int take,
        StatusDay day, CancellationToken ct = default)
    {
        var plans = Search(db.Plans.AsNoTracking(), text);
        if (status is { } s)
            plans = plans.Where(p => p.Status == s);
        var total = await plans.CountAsync(ct);
        var page = await plans.OrderByDescending(p => p.IssuedOn == null).ThenByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id)
            .Skip(skip).Take(take).Select(Summary).ToListAsync(ct);
        var parentIds = page.Where(p => p.ParentPlanId is not null).Select(p => p.ParentPlanId!.Value).Distinct().ToList();
        var parents = await db.Plans.AsNoTracking().Where(p => parentIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PlanRef(p.Id, p.Symbol, p.Title), ct);
        var progress = await ProgressAsync(db, scope, page.Select(p => p.Id).ToList(), day, ct);
        var items = page.Select(p => new PlanListItem(p, p.ParentPlanId is { } parent ? parents.GetValueOrDefault(parent) : null,
            progress.GetValueOrDefault(p.Id) ?? PlanProgress.None)).ToList();
        return new PlanListPage(items, total);
    }

    /// <summary>
    /// Counts by status of the occurrences the person may see, per plan. The database groups occurrences that share
    /// a deadline and state, so a task given to forty units costs a row or two; the status rules then run here.
    /// </summary>
    public static async Task<Dictionary<int, PlanProgress>> ProgressAsync(DonDocDbContext db, UnitScope scope, IReadOnlyCollection<int> planIds,
        StatusDay day, CancellationToken ct = default)
    {
        var groups = await TaskList.Visible(db, scope).Where(o => planIds.Contains(o.Assignment!.PlanId))
            .GroupBy(o => new { o.Assignment!.PlanId, o.DueDate, o.State, o.CompletedOn, o.Reported })
            .Select(g => new { g.Key.PlanId, g.Key.DueDate, g.Key.State, g.Key.CompletedOn, g.Key.Reported, Count = g.Count() })
            .ToListAsync(ct);
        return groups.GroupBy(g => g.PlanId).ToDictionary(plan => plan.Key, plan =>
        {
            var statuses = plan.SelectMany(g => Enumerable.Repeat(
                Occurrence.StatusOf(g.DueDate, g.State, g.CompletedOn, g.Reported, day), g.Count)).ToList();
            return new PlanProgress(CompletionRates.From(statuses.Select(s => s.Code)), statuses.Count(s => s.DueSoon),
                statuses.Count(s => s.Code is AssignmentStatusCode.Reported or AssignmentStatusCode.NotReported));
        });
    }

    /// <summary>The units' own plans that hang under this plan or its tasks.</summary>
    public static Task<List<SubPlanDto>> SubPlansAsync(DonDocDbContext db, int planId, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().Where(p => p.ParentPlanId == planId)
            .OrderBy(p => p.IssuingUnit!.Name).ThenBy(p => p.Id)
            .Select(p => new SubPlanDto(p.Id, p.Symbol, p.Title, p.IssuedOn, p.Status, p.IssuingUnit!.Name, p.ParentNodeId))
            .ToListAsync(ct);

    public static Task<ParentRefDto?> ParentOfAsync(DonDocDbContext db, int planId, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().Where(p => p.Id == planId && p.ParentPlanId != null)
            .Select(p => new ParentRefDto(p.ParentPlanId!.Value, p.ParentPlan!.Symbol, p.ParentPlan.Title, p.ParentNodeId,
                p.ParentNode != null ? p.ParentNode.Path : null))
            .FirstOrDefaultAsync(ct);

    public static async Task<PlanDetail?> DetailAsync(DonDocDbContext db, int id, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(Summary).FirstOrDefaultAsync(ct);
        if (plan is null)
            return null;
        var extra = await db.Plans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Signer, p.SignatureLines, p.Recipients, p.Version }).FirstAsync(ct);
        var basis = await db.Plans.Where(p => p.Id == id).SelectMany(p => p.Basis).OrderBy(b => b.SortOrder)
            .Select(b => new BasisDto(b.LegalDocumentId, b.LegalDocument!.Kind, b.LegalDocument.Symbol, b.LegalDocument.IssuedOn, b.LegalDocument.Issuer))
            .ToListAsync(ct);
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.PlanId == id)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new NodeDto(n.Id, n.ParentId, n.Label, n.Path, n.Heading, n.Text, n.IsTask, n.SortOrder, n.Version))
            .ToListAsync(ct);
        return new PlanDetail(plan, extra.Signer, extra.SignatureLines, extra.Recipients, basis, InTreeOrder(nodes), extra.Version);
    }

    /// <summary>The plan's tasks with the assignments the person may see and each occurrence's computed status.</summary>
    public static async Task<List<PlanTaskDto>> TasksAsync(DonDocDbContext db, int planId, UnitScope scope, StatusDay day, CancellationToken ct = default)
    {
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.PlanId == planId && n.IsTask)
            .Select(n => new { n.Id, n.Path, n.Label, n.Heading, n.Text, n.ExpectedOutput, n.ScheduleKind, n.DueDate, n.ScheduleDay, n.ScheduleMonth, n.FirstYear, n.LastYear, n.SchedulePhrase, n.SortOrder, n.ParentId })
            .ToListAsync(ct);
        var assignments = await AssignmentsAsync(db, TaskList.Visible(db, scope).Where(o => o.Assignment!.PlanId == planId), day, ct);
        var byNode = assignments.ToLookup(a => a.NodeId, a => a.Assignment);
        return nodes.OrderBy(n => PathKey(n.Path), StringComparer.Ordinal)
            .Select(n => new PlanTaskDto(n.Id, n.Path, n.Label, n.Heading, n.Heading ?? n.Text, n.ExpectedOutput,
                new ScheduleDto(n.ScheduleKind ?? ScheduleKind.Continuous, n.DueDate, n.ScheduleDay, n.ScheduleMonth, n.FirstYear, n.LastYear, n.SchedulePhrase),
                byNode[n.Id].ToList()))
            .ToList();
    }

    /// <summary>One assignment with its occurrences, when the person may see it.</summary>
    public static async Task<AssignmentDto?> AssignmentAsync(DonDocDbContext db, int assignmentId, UnitScope scope, StatusDay day, CancellationToken ct = default) =>
        (await AssignmentsAsync(db, TaskList.Visible(db, scope).Where(o => o.AssignmentId == assignmentId), day, ct)).Select(a => a.Assignment).SingleOrDefault();

    /// <summary>The assignments of the given occurrences, each with its units and those occurrences, by lead unit name.</summary>
    private static async Task<List<(int NodeId, AssignmentDto Assignment)>> AssignmentsAsync(DonDocDbContext db, IQueryable<Occurrence> visible,
        StatusDay day, CancellationToken ct)
    {
        var ids = visible.Select(o => o.Id);
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => ids.Contains(o.Id))
            .OrderBy(o => o.PeriodStart)
            .Select(o => new
            {
                o.Id, o.AssignmentId, o.Period, o.DueDate, o.OriginalDueDate, o.State, o.CompletedOn, o.Reported,
                o.Assignment!.NodeId, o.Assignment.LeadUnitId, LeadName = o.Assignment.LeadUnit!.Name, o.Assignment.AssignedAsGroup,
                o.Assignment.TransferredFromUnitId, TransferredFromName = o.Assignment.TransferredFromUnit != null ? o.Assignment.TransferredFromUnit.Name : null,
            })
            .ToListAsync(ct);
        var assignmentIds = occurrences.Select(o => o.AssignmentId).Distinct().ToList();
        var supports = (await db.Set<AssignmentSupport>().AsNoTracking().Where(s => assignmentIds.Contains(s.AssignmentId))
                .Select(s => new { s.AssignmentId, s.UnitId, s.Unit!.Name }).ToListAsync(ct))
            .ToLookup(s => s.AssignmentId, s => new UnitRefDto(s.UnitId, s.Name));
        return occurrences.GroupBy(o => o.AssignmentId)
            .Select(a =>
            {
                var first = a.First();
                return (NodeId: first.NodeId, Assignment: new AssignmentDto(a.Key, new UnitRefDto(first.LeadUnitId, first.LeadName), supports[a.Key].ToList(), first.AssignedAsGroup,
                    first.TransferredFromUnitId is { } from ? new UnitRefDto(from, first.TransferredFromName!) : null,
                    a.Select(o => OccurrenceDetail.ToDto(new Occurrence
                    {
                        Id = o.Id, Period = o.Period, DueDate = o.DueDate, OriginalDueDate = o.OriginalDueDate,
                        State = o.State, CompletedOn = o.CompletedOn, Reported = o.Reported,
                    }, day)).ToList()));
            })
            .OrderBy(a => a.Assignment.LeadUnit.Name, StringComparer.Create(Calendar.VietnamTime.Culture, false)).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<Plan, PlanSummary>> Summary = p => new PlanSummary(
        p.Id, p.Symbol, p.Title, p.IssuedOn, p.Status, p.IssuingUnitId, p.IssuingUnit!.Name, p.ParentPlanId, p.ParentNodeId,
        p.Basis.OrderBy(b => b.SortOrder).Select(b => b.LegalDocument!.Symbol).ToList(), p.Nodes.Count(n => n.IsTask));

    /// <summary>Depth-first: each node followed by its children in their order, as the document reads.</summary>
    public static List<NodeDto> InTreeOrder(List<NodeDto> nodes)
    {
        var children = nodes.ToLookup(n => n.ParentId);
        var ordered = new List<NodeDto>(nodes.Count);
        void Walk(int? parent)
        {
            foreach (var n in children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Id))
            {
                ordered.Add(n);
                Walk(n.Id);
            }
        }
        Walk(null);
        return ordered;
    }

    /// <summary>Sorts "II.10" after "II.9" and "-2" after "-1" by padding numbers (of any length: a label holds up to 20
    /// characters); Roman numerals compare by value.</summary>
    public static string PathKey(string path) => string.Join(".", path.Split('.').Select(Segment));

    private static string Segment(string s)
    {
        if (Import.Labels.RomanValue(s) is > 0 and var roman) return $"R{roman:000}";
        var digits = s.Length - s.TrimStart(DigitChars).Length;
        if (digits > 0) return "N" + Padded(s[..digits]) + s[digits..];
        if (s.Length > 1 && s[0] == '-' && s[1..].All(char.IsAsciiDigit)) return "B" + Padded(s[1..]);
        // Vietnamese letter order puts đ right after d.
        return "L" + s.Replace("đ", "d~", StringComparison.Ordinal);
    }

    private static readonly char[] DigitChars = "0123456789".ToCharArray();

    private static string Padded(string digits) => digits.TrimStart('0').PadLeft(20, '0');
}
