using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DonDoc.Data;

/// <summary>A record edited by people; its <see cref="Version"/> is the optimistic concurrency token.</summary>
public interface IVersioned
{
    int Id { get; }
    long Version { get; set; }
}

/// <summary>
/// A row edited only as a piece of a versioned record: a report's section text or figure, a task's lead unit.
/// Changing it changes the record: the record's version moves on, so whoever still holds the old version is
/// refused, and the record's audit entry lists the change under <see cref="PartName"/>.
/// </summary>
public interface IVersionedPart
{
    Type OwnerType { get; }
    int OwnerId { get; }

    /// <summary>How the record's history names this row: "Sections[12]", "LeadUnits[7]".</summary>
    string PartName { get; }

    /// <summary>What the record's history shows of this row.</summary>
    object? PartValue { get; }
}

/// <summary>
/// The token is managed by the app rather than by the database (PostgreSQL's xmin has no SQLite
/// equivalent), so both providers refuse a stale save the same way.
/// </summary>
internal static class Versioning
{
    /// <summary>Every versioned record's <see cref="IVersioned.Version"/> is checked by the update that saves it.</summary>
    public static void UseAsConcurrencyToken(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    public static void Bump(ChangeTracker tracker)
    {
        var owners = tracker.Entries<IVersionedPart>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity.OwnerType, e.Entity.OwnerId))
            .ToHashSet();
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            // Marking the token modified makes the record's update carry the version check even when only its parts changed.
            if (entry.State == EntityState.Unchanged && owners.Contains((entry.Metadata.ClrType, entry.Entity.Id)))
                entry.Property(nameof(IVersioned.Version)).IsModified = true;
            if (entry.State == EntityState.Modified)
                entry.Entity.Version++;
        }
    }
}
