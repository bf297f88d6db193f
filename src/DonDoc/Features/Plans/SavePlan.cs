using System.Security.Claims;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans;

public sealed record PlanInput(
    string? Symbol,
    DateOnly? IssuedOn,
    int IssuingUnitId,
    string Title,
    string? Signer = null,
    IReadOnlyList<string>? SignatureLines = null,
    IReadOnlyList<string>? Recipients = null,
    PlanStatus Status = PlanStatus.Draft,
    int? ParentPlanId = null,
    int? ParentNodeId = null,
    IReadOnlyList<int>? BasisDocumentIds = null);

/// <summary>
/// Creates and edits plans. The coordinator manages the province's plans; a unit head or officer writes their
/// own unit's plan, which must hang under the province plan or task it concretises.
/// </summary>
public sealed class SavePlan(DonDocDbContext db, TimeProvider clock)
{
    private const string Noun = "Kế hoạch";

    public async Task<SaveResult<Plan>> CreateAsync(ClaimsPrincipal user, PlanInput input, CancellationToken ct = default)
    {
        var plan = new Plan { CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await ApplyAsync(user, plan, input, ct);
        if (!result.Ok)
            return result;
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<SaveResult<Plan>> UpdateAsync(ClaimsPrincipal user, int id, PlanInput input, long? expectedVersion, CancellationToken ct = default)
    {
        var plan = await db.Plans.Include(p => p.Basis).Include(p => p.IssuingUnit).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || !await CanEditAsync(db, user, plan, ct))
            return SaveResult<Plan>.Fail("id", "Không tìm thấy kế hoạch.");
        if (expectedVersion is { } v && v != plan.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, plan, v, ct);
        var result = await ApplyAsync(user, plan, input, ct);
        return result.Ok ? await ConcurrentChanges.SaveAsync(db, Noun, plan, () => db.SaveChangesAsync(ct), ct) : result;
    }

    /// <summary>
    /// Deletes a draft and its tree. A plan once issued is ended (Kết thúc), not deleted: units have worked on it.
    /// </summary>
    public async Task<SaveResult<Plan>> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var plan = await db.Plans.Include(p => p.IssuingUnit).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || !await CanEditAsync(db, user, plan, ct))
            return SaveResult<Plan>.Fail("id", "Không tìm thấy kế hoạch.");
        if (plan.Status != PlanStatus.Draft)
            return SaveResult<Plan>.Fail("status", "Chỉ xóa được kế hoạch đang dự thảo; kế hoạch đã ban hành thì chuyển sang trạng thái Kết thúc.");
        if (await db.Plans.AnyAsync(p => p.ParentPlanId == id, ct))
            return SaveResult<Plan>.Fail("subPlans", "Đã có kế hoạch của đơn vị gắn với kế hoạch này; hãy gỡ các kế hoạch đó trước.");
        var nodes = db.PlanNodes.Where(n => n.PlanId == id);
        if (await PlanDeletion.RefusalAsync(db, nodes, ct) is { } refusal)
            return SaveResult<Plan>.Fail("history", refusal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlanDeletion.RemoveAsync(nodes, ct);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SaveResult<Plan>.Success(plan);
    }

    /// <summary>The coordinator edits any plan; a unit user only their own unit's plans.</summary>
    public static async Task<bool> CanEditAsync(DonDocDbContext db, ClaimsPrincipal user, Plan plan, CancellationToken ct = default)
    {
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator))
            return true;
        if (!user.IsInRole(Roles.UnitHead) && !user.IsInRole(Roles.UnitOfficer))
            return false;
        var scope = await UnitScope.ForAsync(user, db, ct);
        var unitPath = plan.IssuingUnit?.Path ?? await db.Units.Where(u => u.Id == plan.IssuingUnitId).Select(u => u.Path).FirstAsync(ct);
        return !scope.All && scope.Covers(unitPath);
    }

    private async Task<SaveResult<Plan>> ApplyAsync(ClaimsPrincipal user, Plan plan, PlanInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // Lengths are the columns' own: a longer value would fail the save itself on PostgreSQL.
        if (string.IsNullOrWhiteSpace(input.Title))
            errors["title"] = ["Trích yếu (tên) kế hoạch không được để trống."];
        else if (input.Title.Trim().Length > Plan.MaxTitleLength)
            errors["title"] = [$"Trích yếu (tên) kế hoạch dài tối đa {VietnamTime.Number(Plan.MaxTitleLength)} ký tự."];
        if (input.Symbol?.Trim().Length > Plan.MaxSymbolLength)
            errors["symbol"] = [$"Số, ký hiệu kế hoạch dài tối đa {Plan.MaxSymbolLength} ký tự."];
        if (input.Signer?.Trim().Length > Plan.MaxSignerLength)
            errors["signer"] = [$"Tên người ký dài tối đa {Plan.MaxSignerLength} ký tự."];
        // PostgreSQL cannot store the NUL character in text.
        if (new[] { input.Title, input.Symbol, input.Signer }.Concat(input.SignatureLines ?? []).Concat(input.Recipients ?? []).Any(t => t?.Contains('\0') == true))
            errors["title"] = ["Nội dung kế hoạch có ký tự ẩn không in được (thường do dán từ tệp bị lỗi); hãy xóa và gõ lại."];
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.IssuingUnitId, ct);
        if (unit is null)
            errors["issuingUnitId"] = ["Không tìm thấy đơn vị ban hành."];
        var coordinator = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
        if (!coordinator)
        {
            var scope = await UnitScope.ForAsync(user, db, ct);
            if (unit is not null && (scope.All || !scope.Covers(unit.Path)))
                errors["issuingUnitId"] = ["Bạn chỉ lập kế hoạch của đơn vị mình."];
            if (input.ParentPlanId is null && input.ParentNodeId is null)
                errors["parentPlanId"] = ["Kế hoạch của đơn vị phải gắn với kế hoạch hoặc nhiệm vụ của tỉnh mà nó cụ thể hóa."];
        }
        if (input.ParentNodeId is { } nodeId)
        {
            var node = await db.PlanNodes.Where(n => n.Id == nodeId).Select(n => new { n.PlanId }).FirstOrDefaultAsync(ct);
            if (node is null)
                errors["parentNodeId"] = ["Không tìm thấy nhiệm vụ cấp trên."];
            else if (input.ParentPlanId is { } pp && pp != node.PlanId)
                errors["parentNodeId"] = ["Nhiệm vụ cấp trên không thuộc kế hoạch cấp trên đã chọn."];
        }
        if (input.ParentPlanId is { } parentPlanId && (parentPlanId == plan.Id || !await db.Plans.AnyAsync(p => p.Id == parentPlanId, ct)))
            errors["parentPlanId"] = ["Kế hoạch cấp trên không hợp lệ."];
        var basis = (input.BasisDocumentIds ?? []).Distinct().ToList();
        if (basis.Count > 0 && await db.LegalDocuments.CountAsync(d => basis.Contains(d.Id), ct) != basis.Count)
            errors["basisDocumentIds"] = ["Có văn bản căn cứ không tồn tại."];
        if (errors.Count > 0)
            return SaveResult<Plan>.Fail(errors);

        plan.Symbol = string.IsNullOrWhiteSpace(input.Symbol) ? null : input.Symbol.Trim();
        plan.IssuedOn = input.IssuedOn;
        plan.IssuingUnitId = input.IssuingUnitId;
        plan.Title = input.Title.Trim();
        plan.Signer = string.IsNullOrWhiteSpace(input.Signer) ? null : input.Signer.Trim();
        plan.SignatureLines = Lines(input.SignatureLines);
        plan.Recipients = Lines(input.Recipients);
        plan.Status = input.Status;
        plan.ParentPlanId = input.ParentNodeId is { } n
            ? await db.PlanNodes.Where(x => x.Id == n).Select(x => (int?)x.PlanId).FirstAsync(ct)
            : input.ParentPlanId;
        plan.ParentNodeId = input.ParentNodeId;
        plan.Basis.RemoveAll(b => !basis.Contains(b.LegalDocumentId));
        for (var i = 0; i < basis.Count; i++)
        {
            if (plan.Basis.FirstOrDefault(b => b.LegalDocumentId == basis[i]) is { } existing)
                existing.SortOrder = i;
            else
                plan.Basis.Add(new PlanBasis { LegalDocumentId = basis[i], SortOrder = i });
        }
        return SaveResult<Plan>.Success(plan);
    }

    private static List<string> Lines(IReadOnlyList<string>? lines) =>
        (lines ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
