using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DonDoc.Data;

/// <summary>
/// PostgreSQL's text cannot hold U+0000 (a save fails with 500), SQLite's can; a NUL pasted from a broken document
/// is never part of what a person wrote. Dropping it from every saved string makes both databases keep the same text.
/// </summary>
internal static class NulCharacters
{
    public static void Strip(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal))
                    property.CurrentValue = text.Replace("\0", "", StringComparison.Ordinal);
            }
        }
    }
}
