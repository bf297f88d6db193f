using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Import;

/// <summary>A document the imported plan cites, as the coordinator confirmed it; a basis (căn cứ) is also linked to the plan.</summary>
public sealed record CitedDocumentInput(string Kind, string Symbol, DateOnly? IssuedOn, string? Issuer, bool IsBasis);

/// <summary>An item of the imported tree with the items under it; <paramref name="Key"/> names it in error messages.</summary>
/// <param name="Node">The item; its parent is set as the tree is saved.</param>
public sealed record ImportNodeInput(string Key, NodeInput Node, IReadOnlyList<ImportNodeInput> Children);

/// <param name="ConfirmDuplicate">The coordinator has seen that a plan like this one exists and still wants a new one.</param>
public sealed record ImportInput(PlanInput Plan, IReadOnlyList<CitedDocumentInput> Documents, IReadOnlyList<ImportNodeInput> Nodes,
    bool ConfirmDuplicate = false);

public sealed record DuplicatePlan(int Id, string? Symbol, DateOnly? IssuedOn, string Title);

/// <summary>
/// Saves a reviewed import as a draft plan: the cited documents (the register's records where they exist), the
/// plan with its basis, and its tree with tasks, assignments and schedules, through the same use cases as typing
/// them in. All or nothing: one refused item and nothing is kept.
/// </summary>
public sealed class SaveImportedPlan(DonDocDbContext db, TimeProvider clock)
{
    public const string DuplicateField = "duplicate";

    /// <summary>A plan that looks like the same document: same symbol (and date, where both have one), or, without a symbol, same title.</summary>
    public async Task<DuplicatePlan?> FindDuplicateAsync(string? symbol, DateOnly? issuedOn, string? title, CancellationToken ct = default)
    {
        symbol = symbol?.Trim();
        title = title?.Trim();
        var plans = db.Plans.AsNoTracking();
        if (!string.IsNullOrEmpty(symbol))
        {
            var upper = symbol.ToUpperInvariant();
            plans = plans.Where(p => p.Symbol != null && p.Symbol.ToUpper() == upper
                && (issuedOn == null || p.IssuedOn == null || p.IssuedOn == issuedOn));
        }
        else if (!string.IsNullOrEmpty(title))
            plans = plans.Where(p => p.Title == title);
        else
            return null;
        return await plans.OrderBy(p => p.Id).Select(p => new DuplicatePlan(p.Id, p.Symbol, p.IssuedOn, p.Title)).FirstOrDefaultAsync(ct);
    }

    public async Task<SaveResult<Plan>> SaveAsync(ClaimsPrincipal user, ImportInput input, CancellationToken ct = default)
    {
        var planInput = input.Plan with { Status = PlanStatus.Draft, ParentPlanId = null, ParentNodeId = null };
        if (!input.ConfirmDuplicate && await FindDuplicateAsync(planInput.Symbol, planInput.IssuedOn, planInput.Title, ct) is { } duplicate)
            return SaveResult<Plan>.Fail(DuplicateField,
                $"Kế hoạch này có vẻ đã được nhập: {Plans.Pages.PlanText.Name(duplicate.Symbol, duplicate.Title)}. Hãy xác nhận nếu vẫn muốn tạo thêm kế hoạch.");
        if (input.Nodes.Count == 0)
            return SaveResult<Plan>.Fail("nodes", "Kế hoạch chưa có mục nào: không có gì để nhập.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var basis = new List<int>();
        var documents = new LegalDocuments(db);
        for (var i = 0; i < input.Documents.Count; i++)
        {
            var d = input.Documents[i];
            var saved = await documents.FindOrCreateAsync(d.Kind, d.Symbol, d.IssuedOn, d.Issuer, ct);
            if (!saved.Ok)
                errors[$"document:{i}"] = [$"Văn bản {(string.IsNullOrWhiteSpace(d.Symbol) ? $"thứ {i + 1}" : d.Symbol)}: {saved.Message}"];
            else if (d.IsBasis)
                basis.Add(saved.Value!.Id);
        }
        var created = await new SavePlan(db, clock).CreateAsync(user, planInput with { BasisDocumentIds = basis }, ct);
        foreach (var (field, messages) in created.Errors)
            errors[field] = messages;
        if (created.Ok)
            await AddNodesAsync(new SaveTask(db, clock), user, created.Value!.Id, null, input.Nodes, errors, ct);
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return SaveResult<Plan>.Fail(errors);
        }
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>Adds every item it can, so one save reports the errors of all; the items under a refused one wait for it.</summary>
    private async Task AddNodesAsync(SaveTask saveTask, ClaimsPrincipal user, int planId, int? parentId, IReadOnlyList<ImportNodeInput> nodes,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        foreach (var item in nodes)
        {
            var saved = await saveTask.AddAsync(user, planId, item.Node with { ParentId = parentId, SortOrder = null }, ct);
            if (!saved.Ok)
            {
                errors[$"node:{item.Key}"] = [.. saved.Errors.Values.SelectMany(v => v).Select(m => $"Mục {item.Key}: {m}")];
                continue;
            }
            var id = saved.Value!.Id;
            // Each save compares every tracked record: forgetting the saved ones keeps a long plan from slowing down.
            db.ChangeTracker.Clear();
            await AddNodesAsync(saveTask, user, planId, id, item.Children, errors, ct);
        }
    }
}
