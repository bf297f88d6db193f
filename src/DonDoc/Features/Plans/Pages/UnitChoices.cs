using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Plans.Pages;

public sealed record UnitOption(int Id, string Name, string Code, UnitKind Kind);

/// <summary>The units the plan forms offer: what a person may pick, and the whole of a group at once.</summary>
public static class UnitChoices
{
    public static Task<List<UnitOption>> SearchAsync(DonDocDbContext db, UnitScope scope, string? text, DateOnly activeOn, int take,
        CancellationToken ct = default) =>
        UnitQueries.Search(db.Units.AsNoTracking().VisibleIn(scope), text, null, activeOn).Take(take).Select(Option).ToListAsync(ct);

    public static async Task<List<UnitOption>> ByIdsAsync(DonDocDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(Option).ToDictionaryAsync(u => u.Id, ct);
        return ids.Where(units.ContainsKey).Select(id => units[id]).ToList();
    }

    /// <summary>
    /// Every unit of a kind in force on <paramref name="day"/>, in their usual order. A kind that was gone by then (the
    /// district level, abolished 1/7/2025) yields its units as they stood on their last day, as old plans name them.
    /// </summary>
    public static async Task<List<UnitOption>> GroupAsync(DonDocDbContext db, UnitKind kind, DateOnly day, CancellationToken ct = default)
    {
        var units = await ActiveAsync(db, kind, day, ct);
        if (units.Count > 0)
            return units;
        var lastDay = await db.Units.Where(u => u.Kind == kind).MaxAsync(u => u.ValidTo, ct);
        return lastDay is { } last && last < day ? await ActiveAsync(db, kind, last, ct) : units;
    }

    /// <summary>The wording a group assignment keeps, as plans write it.</summary>
    public static string GroupName(UnitKind kind) => kind switch
    {
        UnitKind.Department => "Các sở, ban, ngành",
        UnitKind.District => "UBND các huyện, thành phố, thị xã",
        UnitKind.Commune => "UBND các xã, phường",
        _ => kind.Label(),
    };

    /// <summary>
    /// The group wording with one more group, once: "Các sở, ban, ngành; UBND các xã, phường" (a semicolon, as the
    /// names hold commas of their own).
    /// </summary>
    public static string WithGroup(string? wording, UnitKind kind)
    {
        var name = GroupName(kind);
        return string.IsNullOrEmpty(wording) ? name : wording.Split("; ").Contains(name) ? wording : $"{wording}; {name}";
    }

    private static Task<List<UnitOption>> ActiveAsync(DonDocDbContext db, UnitKind kind, DateOnly day, CancellationToken ct) =>
        UnitQueries.Search(db.Units.AsNoTracking(), null, kind, day).Select(Option).ToListAsync(ct);

    private static readonly System.Linq.Expressions.Expression<Func<Unit, UnitOption>> Option = u => new UnitOption(u.Id, u.Name, u.Code, u.Kind);
}
