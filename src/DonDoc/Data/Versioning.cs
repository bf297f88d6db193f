using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DonDoc.Data;

/// <summary>A record edited by people; its <see cref="Version"/> is the optimistic concurrency token.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>
/// The token is managed by the app rather than by the database (PostgreSQL's xmin has no SQLite
/// equivalent), so both providers refuse a stale save the same way.
/// </summary>
internal static class Versioning
{
    public static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
                entry.Entity.Version++;
        }
    }
}
