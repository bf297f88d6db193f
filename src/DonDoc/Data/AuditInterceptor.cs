using System.Text.Json;
using DonDoc.Features.Audit;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DonDoc.Data;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to an <see cref="IAudited"/> record, in the same
/// transaction as the change. New records get their ids only when saved, so the changes are captured
/// before the save and the entries written right after it, before the transaction commits.
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock, AuditChain chain) : SaveChangesInterceptor
{
    // Values never copied into the log.
    private static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash"];
    // Derived values. A record's Version is kept: its old and new values tie each entry to the version it replaced,
    // which is how a refused save finds what changed since the person opened the record (ConcurrentChanges).
    private static readonly HashSet<string> Noise =
        ["NormalizedUserName", "NormalizedEmail", "Path"];

    private readonly Dictionary<DbContext, Pending> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && !_pending.ContainsKey(db))
        {
            var direct = TakeLogEntries(db.ChangeTracker);
            var captured = Capture(db.ChangeTracker);
            if (captured.Count > 0 || direct.Count > 0)
            {
                var tx = db.Database.CurrentTransaction is null
                    ? await db.Database.BeginTransactionAsync(cancellationToken)
                    : null;
                _pending[db] = new Pending(captured, direct, tx, await actor.GetAsync());
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // A pending save already writing marks the nested save below, which writes the entries themselves.
        if (eventData.Context is not DonDocDbContext db || !_pending.TryGetValue(db, out var pending) || pending.Writing)
            return result;
        var now = clock.GetUtcNow().UtcDateTime;
        _pending[db] = pending with { Writing = true };
        try
        {
            await chain.AppendAsync(db, [.. pending.Direct, .. pending.Changes.Select(c => c.ToEntry(now, pending.Actor))], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _pending.Remove(db);
        }
        if (pending.Transaction is { } tx)
        {
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.Remove(db, out var pending) && pending.Transaction is { } tx)
        {
            await tx.RollbackAsync(cancellationToken);
            await tx.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private static List<Change> Capture(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not IAudited)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null)
                continue;
            var values = new Dictionary<string, object?>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (Noise.Contains(name) || p.Metadata.IsPrimaryKey())
                    continue;
                var changed = action != AuditAction.Updated || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));
                if (!changed)
                    continue;
                values[name] = Secret.Contains(name)
                    ? new { old = (object?)null, @new = "(đã thay đổi)" }
                    : new
                    {
                        old = action == AuditAction.Created ? null : p.OriginalValue,
                        @new = action == AuditAction.Deleted ? null : p.CurrentValue,
                    };
            }
            if (action == AuditAction.Updated && values.Count == 0)
                continue;
            changes.Add(new Change(entry, action.Value, values,
                action == AuditAction.Created ? null : KeyOf(entry)));
        }
        AddParts(tracker, changes);
        // A new version and nothing else a person would read (a moved unit's path): not worth an entry.
        changes.RemoveAll(c => c.Action == AuditAction.Updated && c.Values.Keys.All(k => k == nameof(IVersioned.Version)));
        return changes;
    }

    /// <summary>
    /// Lists each changed part (a report's section, a task's lead unit) in its record's entry, so the record's
    /// history reads whole. A new record's parts need no listing: its creation says what it was made with.
    /// </summary>
    private static void AddParts(ChangeTracker tracker, List<Change> changes)
    {
        foreach (var entry in tracker.Entries<IVersionedPart>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var part = entry.Entity;
            var owner = changes.FirstOrDefault(c => c.Action == AuditAction.Updated && c.Entry.Entity is IVersioned record
                && record.GetType() == part.OwnerType && record.Id == part.OwnerId);
            var old = entry.State == EntityState.Added ? null : ((IVersionedPart)entry.OriginalValues.ToObject()).PartValue;
            var @new = entry.State == EntityState.Deleted ? null : part.PartValue;
            if (owner is not null && !Equals(old, @new))
                owner.Values[part.PartName] = new { old, @new };
        }
    }

    private sealed record Pending(List<Change> Changes, List<AuditEntry> Direct, IDbContextTransaction? Transaction, ActorInfo Actor, bool Writing = false);

    /// <summary>
    /// Entries a use case writes itself (a security event) are taken out of the save and appended to the chain
    /// with the rest; an entry is never changed or removed through the app.
    /// </summary>
    private static List<AuditEntry> TakeLogEntries(ChangeTracker tracker)
    {
        var entries = tracker.Entries<AuditEntry>().ToList();
        if (entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Nhật ký chỉ được ghi thêm: không sửa, không xóa được dòng nhật ký.");
        var added = entries.Where(e => e.State == EntityState.Added).ToList();
        foreach (var e in added)
            e.State = EntityState.Detached;
        return [.. added.Select(e => e.Entity)];
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    /// <param name="Id">Known before the save except for new records, whose ids the database assigns.</param>
    private sealed record Change(EntityEntry Entry, AuditAction Action, Dictionary<string, object?> Values, string? Id)
    {
        public AuditEntry ToEntry(DateTime at, ActorInfo actor) => new()
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = Action,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityId = Id ?? KeyOf(Entry),
            Changes = JsonSerializer.Serialize(Values, JsonOptions),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
