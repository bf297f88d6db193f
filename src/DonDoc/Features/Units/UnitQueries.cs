using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Units;

public static class UnitQueries
{
    /// <summary>Filters by text in code, name or short name, by kind, and to units in force on <paramref name="activeOn"/>.</summary>
    public static IQueryable<Unit> Search(IQueryable<Unit> units, string? text, UnitKind? kind, DateOnly? activeOn)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            units = units.Where(u => EF.Functions.Like(u.Name, pattern, "\\")
                || EF.Functions.Like(u.Code, pattern, "\\")
                || (u.ShortName != null && EF.Functions.Like(u.ShortName, pattern, "\\")));
        }
        if (kind is { } k)
            units = units.Where(u => u.Kind == k);
        if (activeOn is { } day)
            units = units.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        return units.OrderBy(u => u.SortOrder).ThenBy(u => u.Name);
    }
}
