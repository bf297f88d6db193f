using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Security;

/// <summary>
/// The units a person may see: every unit for province-wide roles, otherwise their own unit and the
/// units under it. Every query of unit-owned data goes through this, on the server.
/// </summary>
public sealed record UnitScope(bool All, string? Path)
{
    public static readonly UnitScope Everything = new(true, null);
    public static readonly UnitScope Nothing = new(false, null);

    public bool Covers(string unitPath) => All || (Path is not null && unitPath.StartsWith(Path, StringComparison.Ordinal));

    public static async Task<UnitScope> ForAsync(ClaimsPrincipal principal, DonDocDbContext db, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return Nothing;
        if (principal.IsProvinceWide())
            return Everything;
        if (principal.UnitId() is not { } unitId)
            return Nothing;
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        return path is null ? Nothing : new UnitScope(false, path);
    }

    public static async Task<UnitScope> ForAsync(CurrentActor actor, DonDocDbContext db, CancellationToken ct = default) =>
        await ForAsync(await actor.PrincipalAsync(), db, ct);
}

public static class UnitScopeQueries
{
    public static IQueryable<Unit> VisibleIn(this IQueryable<Unit> units, UnitScope scope) =>
        scope.All ? units
        : scope.Path is { } path ? units.Where(u => u.Path.StartsWith(path))
        : units.Where(_ => false);
}
