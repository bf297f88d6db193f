namespace DonDoc.Features.Units;

public static class UnitQueries
{
    /// <summary>
    /// Filters by text in code, name or short name (case-insensitive: people type "sở tư pháp" for "Sở Tư pháp"),
    /// by kind, and to units in force on <paramref name="activeOn"/>.
    /// </summary>
    public static IQueryable<Unit> Search(IQueryable<Unit> units, string? text, UnitKind? kind, DateOnly? activeOn)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim().ToLowerInvariant();
            units = units.Where(u => u.Name.ToLower().Contains(t)
                || u.Code.ToLower().Contains(t)
                || (u.ShortName != null && u.ShortName.ToLower().Contains(t)));
        }
        if (kind is { } k)
            units = units.Where(u => u.Kind == k);
        if (activeOn is { } day)
            units = units.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        return units.OrderBy(u => u.SortOrder).ThenBy(u => u.Name);
    }

    /// <summary>What lists and the API show of a unit, with its parent's and successor's names.</summary>
    public static IQueryable<UnitEndpoints.UnitDto> ToDtos(this IQueryable<Unit> units, DateOnly today) =>
        units.Select(u => new UnitEndpoints.UnitDto(
            u.Id, u.Code, u.Name, u.ShortName, u.Aliases, u.Kind, u.ParentId,
            u.Parent != null ? u.Parent.Name : null, u.ValidFrom, u.ValidTo, u.SuccessorId,
            u.Successor != null ? u.Successor.Name : null,
            (u.ValidFrom == null || u.ValidFrom <= today) && (u.ValidTo == null || u.ValidTo >= today), u.Version));
}
