using System.Security.Claims;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

/// <summary>What a coordinator (or an import) supplies for a node of a plan's tree.</summary>
public sealed record NodeInput(
    int? ParentId,
    string Label,
    string? Heading,
    string Text,
    bool IsTask,
    string? ExpectedOutput = null,
    Schedule? Schedule = null,
    string? SchedulePhrase = null,
    IReadOnlyList<int>? LeadUnitIds = null,
    IReadOnlyList<int>? SupportingUnitIds = null,
    string? AssignedAsGroup = null,
    int? SortOrder = null);

/// <summary>
/// Adds and edits the nodes of a plan. A task node gets one assignment per lead unit (a group's members each get
/// their own), each with the occurrences its schedule has produced so far. Whoever may edit the plan may edit its
/// nodes; a unit writing its own plan gives tasks only to itself and its own sub-units.
/// </summary>
public sealed class SaveTask(DonDocDbContext db, TimeProvider clock)
{
    private const string Noun = "Nhiệm vụ";

    public async Task<SaveResult<PlanNode>> AddAsync(ClaimsPrincipal user, int planId, NodeInput input, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.IssuingUnit).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !await SavePlan.CanEditAsync(db, user, plan, ct))
            return SaveResult<PlanNode>.Fail("planId", "Không tìm thấy kế hoạch, hoặc bạn không được sửa kế hoạch này.");
        var node = new PlanNode { PlanId = planId };
        var result = await ApplyAsync(user, node, input, ct);
        if (!result.Ok)
            return result;
        db.PlanNodes.Add(node);
        await SaveNotifyingAsync(user, node, ct);
        return result;
    }

    public async Task<SaveResult<PlanNode>> UpdateAsync(ClaimsPrincipal user, int nodeId, NodeInput input, long? expectedVersion, CancellationToken ct = default)
    {
        var node = await db.PlanNodes
            .Include(n => n.Plan!).ThenInclude(p => p.IssuingUnit)
            .Include(n => n.Assignments).ThenInclude(a => a.Occurrences)
            .Include(n => n.Assignments).ThenInclude(a => a.SupportingUnits)
            .AsSplitQuery()
            .FirstOrDefaultAsync(n => n.Id == nodeId, ct);
        if (node is null || !await SavePlan.CanEditAsync(db, user, node.Plan!, ct))
            return SaveResult<PlanNode>.Fail("id", "Không tìm thấy mục của kế hoạch.");
        if (expectedVersion is { } v && v != node.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, node, v, ct);
        var result = await ApplyAsync(user, node, input, ct);
        return result.Ok ? await ConcurrentChanges.SaveAsync(db, Noun, node, () => SaveNotifyingAsync(user, node, ct), ct) : result;
    }

    /// <summary>Deletes a node with the items under it, unless a unit has already acted on one of their tasks.</summary>
    public async Task<SaveResult<PlanNode>> DeleteAsync(ClaimsPrincipal user, int nodeId, CancellationToken ct = default)
    {
        var node = await db.PlanNodes.Include(n => n.Plan!).ThenInclude(p => p.IssuingUnit).FirstOrDefaultAsync(n => n.Id == nodeId, ct);
        if (node is null || !await SavePlan.CanEditAsync(db, user, node.Plan!, ct))
            return SaveResult<PlanNode>.Fail("id", "Không tìm thấy mục của kế hoạch.");
        var prefix = node.Path + ".";
        var subtree = db.PlanNodes.Where(n => n.PlanId == node.PlanId && (n.Id == nodeId || n.Path.StartsWith(prefix)));
        if (await PlanDeletion.RefusalAsync(db, subtree, ct) is { } refusal)
            return SaveResult<PlanNode>.Fail("history", refusal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlanDeletion.RemoveAsync(subtree.Where(n => n.Id != nodeId), ct);
        db.PlanNodes.Remove(node);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SaveResult<PlanNode>.Success(node);
    }

    /// <summary>Saves, then tells the units of the tasks newly given to them in the same transaction: the
    /// notifications link to occurrences whose ids exist only after the save.</summary>
    private async Task SaveNotifyingAsync(ClaimsPrincipal user, PlanNode node, CancellationToken ct)
    {
        var added = node.Assignments.Where(a => a.Id == 0).ToList();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await new WorkNotices(db, clock).TasksAssignedAsync(added, user.UserId(), ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    private async Task<SaveResult<PlanNode>> ApplyAsync(ClaimsPrincipal user, PlanNode node, NodeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var label = (input.Label ?? "").Trim().TrimEnd('.', ')');
        if (label.Length is 0 or > 20)
            errors["label"] = ["Số thứ tự của mục (I, 1, a, -) phải có từ 1 đến 20 ký tự."];
        if (string.IsNullOrWhiteSpace(input.Text) && string.IsNullOrWhiteSpace(input.Heading))
            errors["text"] = ["Nội dung của mục không được để trống."];
        PlanNode? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.PlanNodes.FirstOrDefaultAsync(n => n.Id == parentId && n.PlanId == node.PlanId, ct);
            if (parent is null)
                errors["parentId"] = ["Mục cấp trên không thuộc kế hoạch này."];
            else if (node.Id != 0 && (parent.Id == node.Id || parent.Path.StartsWith(node.Path + ".", StringComparison.Ordinal)))
                errors["parentId"] = ["Không thể đặt một mục vào trong chính nó."];
        }
        var leads = (input.LeadUnitIds ?? []).Distinct().ToList();
        var supporting = (input.SupportingUnitIds ?? []).Distinct().Except(leads).ToList();
        if (input.IsTask)
        {
            if (input.Schedule is null)
                errors["schedule"] = ["Nhiệm vụ cần thời hạn: một ngày, định kỳ hoặc thường xuyên."];
            else if (input.Schedule.Validate() is { Count: > 0 } scheduleErrors)
                errors["schedule"] = [.. scheduleErrors];
            if (leads.Count == 0)
                errors["leadUnitIds"] = ["Nhiệm vụ cần ít nhất một đơn vị chủ trì."];
            var known = await db.Units.Where(u => leads.Contains(u.Id) || supporting.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            if (leads.Concat(supporting).Except(known).Any())
                errors["leadUnitIds"] = ["Có đơn vị được giao không tồn tại."];
            else if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Coordinator))
            {
                var scope = await UnitScope.ForAsync(user, db, ct);
                var own = await db.Units.VisibleIn(scope).Where(u => leads.Contains(u.Id)).CountAsync(ct);
                if (own != leads.Count)
                    errors["leadUnitIds"] = ["Kế hoạch của đơn vị chỉ giao chủ trì cho chính đơn vị mình hoặc đơn vị trực thuộc; đơn vị khác chỉ có thể phối hợp."];
            }
        }
        if (errors.Count > 0)
            return SaveResult<PlanNode>.Fail(errors);

        node.ParentId = parent?.Id;
        node.Label = label;
        node.Heading = string.IsNullOrWhiteSpace(input.Heading) ? null : input.Heading.Trim();
        node.Text = (input.Text ?? "").Trim();
        node.SortOrder = input.SortOrder ?? node.SortOrder;
        if (node.Id == 0 && input.SortOrder is null)
            node.SortOrder = await db.PlanNodes.CountAsync(n => n.PlanId == node.PlanId && n.ParentId == node.ParentId, ct);
        var oldPath = node.Path;
        node.Path = parent is null ? label : $"{parent.Path}.{label}";
        if (label == "-")
        {
            // Bullets are numbered by their place among the bullets beside them: "III.2.-3" is the third.
            var before = await db.PlanNodes.CountAsync(n => n.PlanId == node.PlanId && n.ParentId == node.ParentId && n.Label == "-"
                && n.Id != node.Id && (node.Id == 0 || n.SortOrder < node.SortOrder || (n.SortOrder == node.SortOrder && n.Id < node.Id)), ct);
            node.Path += (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (node.Id != 0 && oldPath.Length > 0 && oldPath != node.Path)
        {
            var prefix = oldPath + ".";
            foreach (var d in await db.PlanNodes.Where(n => n.PlanId == node.PlanId && n.Path.StartsWith(prefix)).ToListAsync(ct))
                d.Path = node.Path + d.Path[oldPath.Length..];
        }
        node.IsTask = input.IsTask;
        node.ExpectedOutput = input.IsTask && !string.IsNullOrWhiteSpace(input.ExpectedOutput) ? input.ExpectedOutput.Trim() : null;
        node.Schedule = input.IsTask ? input.Schedule : null;
        node.SchedulePhrase = input.IsTask ? input.SchedulePhrase?.Trim() : null;
        if (input.IsTask)
            await AssignAsync(node, leads, supporting, input.AssignedAsGroup, ct);
        return SaveResult<PlanNode>.Success(node);
    }

    private async Task AssignAsync(PlanNode node, List<int> leads, List<int> supporting, string? group, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        // An assignment with reported work stays even if its unit is dropped from the task: history is never lost.
        foreach (var gone in node.Assignments.Where(a => !leads.Contains(a.LeadUnitId)).ToList())
        {
            var occurrenceIds = gone.Occurrences.Select(o => o.Id).ToList();
            if (!await db.ProgressUpdates.AnyAsync(u => occurrenceIds.Contains(u.OccurrenceId), ct))
                node.Assignments.Remove(gone);
        }
        foreach (var unitId in leads.Where(id => node.Assignments.All(a => a.LeadUnitId != id)))
            node.Assignments.Add(new Assignment { LeadUnitId = unitId, PlanId = node.PlanId, AssignedAsGroup = group, CreatedAt = now });
        var occurrenceIdsOfNode = node.Assignments.SelectMany(a => a.Occurrences).Select(o => o.Id).Where(id => id != 0).ToList();
        var extended = (await db.ExtensionRequests
            .Where(e => occurrenceIdsOfNode.Contains(e.OccurrenceId) && e.Decision == ExtensionDecision.Approved)
            .Select(e => e.OccurrenceId).ToListAsync(ct)).ToHashSet();
        foreach (var a in node.Assignments)
        {
            a.SupportingUnits.RemoveAll(s => !supporting.Contains(s.UnitId));
            foreach (var unitId in supporting.Where(id => a.SupportingUnits.All(s => s.UnitId != id)))
                a.SupportingUnits.Add(new AssignmentSupport { UnitId = unitId });
            OccurrenceSync.Apply(a, node.Schedule!, today, extended);
        }
    }
}
