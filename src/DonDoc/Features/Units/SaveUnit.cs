using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Units;

/// <summary>Creates and edits units, keeping codes unique and the hierarchy a tree.</summary>
public sealed class SaveUnit(DonDocDbContext db, TransferAssignments transfers)
{
    private const string Noun = "Đơn vị";

    public async Task<SaveResult<Unit>> CreateAsync(UnitInput input, CancellationToken ct = default)
    {
        var unit = new Unit();
        var result = await ApplyAsync(unit, input, ct);
        if (!result.Ok)
            return result;
        // The path holds the unit's own id, known only after the insert: both saves commit together.
        // An import already runs in a transaction of its own, which then decides for both.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        unit.Path = UnitRules.ChildPath(unit.Parent?.Path, unit.Id);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return result;
    }

    /// <param name="expectedVersion">The version the person edited; a newer one in the database means someone else saved first.</param>
    public async Task<SaveResult<Unit>> UpdateAsync(int id, UnitInput input, long? expectedVersion, CancellationToken ct = default)
    {
        var unit = await db.Units.Include(u => u.Parent).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
            return SaveResult<Unit>.Fail("id", "Không tìm thấy đơn vị.");
        if (expectedVersion is { } v && v != unit.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, unit, v, ct);
        var oldPath = unit.Path;
        var result = await ApplyAsync(unit, input, ct);
        if (!result.Ok)
            return result;
        unit.Path = UnitRules.ChildPath(unit.Parent?.Path, unit.Id);
        if (unit.Path != oldPath)
            await MoveSubtreeAsync(oldPath, unit.Path, unit.Id, ct);
        return await ConcurrentChanges.SaveAsync(db, Noun, unit, () => SaveAndHandOverAsync(unit, ct), ct);
    }

    /// <summary>
    /// Saves the unit and, when it now ends with a successor, passes its open assignments on in the same transaction:
    /// a merged unit's unfinished work never lies orphaned.
    /// </summary>
    private async Task SaveAndHandOverAsync(Unit unit, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        if (unit.ValidTo is not null && unit.SuccessorId is not null)
            await transfers.TransferAsync(unit.Id, ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
    }

    /// <summary>Ends a unit's validity (merged or dissolved); its history stays, its successor takes over.</summary>
    /// <param name="successorId">The unit that takes over, or null when none does (dissolved); replaces any successor set before.</param>
    public async Task<SaveResult<Unit>> DeactivateAsync(int id, DateOnly lastDay, int? successorId, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
            return SaveResult<Unit>.Fail("id", "Không tìm thấy đơn vị.");
        if (successorId == id)
            return SaveResult<Unit>.Fail("successorId", "Đơn vị kế thừa phải là một đơn vị khác.");
        if (successorId is { } s && !await db.Units.AnyAsync(u => u.Id == s, ct))
            return SaveResult<Unit>.Fail("successorId", "Không tìm thấy đơn vị kế thừa.");
        if (unit.ValidFrom is { } from && lastDay < from)
            return SaveResult<Unit>.Fail("validTo", $"Ngày cuối cùng còn hiệu lực không được trước ngày bắt đầu hiệu lực ({VietnamTime.Date(from)}).");
        unit.ValidTo = lastDay;
        unit.SuccessorId = successorId;
        await SaveAndHandOverAsync(unit, ct);
        return SaveResult<Unit>.Success(unit);
    }

    private async Task<SaveResult<Unit>> ApplyAsync(Unit unit, UnitInput input, CancellationToken ct)
    {
        var errors = UnitRules.Validate(input);
        var code = UnitRules.NormalizeCode(input.Code);
        if (!errors.ContainsKey("code") && await db.Units.AnyAsync(u => u.Code == code && u.Id != unit.Id, ct))
            errors["code"] = [$"Mã đơn vị '{code}' đã được dùng cho đơn vị khác."];
        Unit? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null)
                errors["parentId"] = ["Không tìm thấy đơn vị cấp trên."];
            else if (unit.Id != 0 && (parentId == unit.Id || UnitRules.WouldCreateCycle(unit.Path, parent.Path)))
                errors["parentId"] = ["Không thể chọn chính đơn vị này hoặc một đơn vị trực thuộc nó làm đơn vị cấp trên."];
        }
        if (input.SuccessorId is { } successorId)
        {
            if (successorId == unit.Id && unit.Id != 0)
                errors["successorId"] = ["Đơn vị kế thừa phải là một đơn vị khác."];
            else if (!await db.Units.AnyAsync(u => u.Id == successorId, ct))
                errors["successorId"] = ["Không tìm thấy đơn vị kế thừa."];
        }
        if (errors.Count > 0)
            return SaveResult<Unit>.Fail(errors);

        unit.Code = code;
        unit.Name = input.Name.Trim();
        unit.ShortName = string.IsNullOrWhiteSpace(input.ShortName) ? null : input.ShortName.Trim();
        unit.Aliases = UnitRules.CleanAliases(input.Aliases);
        unit.Kind = input.Kind;
        unit.ParentId = input.ParentId;
        unit.Parent = parent;
        unit.ValidFrom = input.ValidFrom;
        unit.ValidTo = input.ValidTo;
        unit.SuccessorId = input.SuccessorId;
        unit.SortOrder = input.SortOrder;
        return SaveResult<Unit>.Success(unit);
    }

    private async Task MoveSubtreeAsync(string oldPath, string newPath, int id, CancellationToken ct)
    {
        var descendants = await db.Units.Where(u => u.Id != id && u.Path.StartsWith(oldPath)).ToListAsync(ct);
        foreach (var d in descendants)
            d.Path = newPath + d.Path[oldPath.Length..];
    }
}
