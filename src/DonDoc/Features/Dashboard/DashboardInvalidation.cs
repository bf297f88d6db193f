using System.Runtime.CompilerServices;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonDoc.Features.Dashboard;

/// <summary>
/// Invalidates <see cref="DashboardCache"/> when a save touches what the dashboards count: before the save, after
/// it, and after the commit of a transaction it was part of, so that figures read while it was uncommitted are not
/// kept either.
/// </summary>
public sealed class DashboardInvalidation(DashboardCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Counted =
    [
        typeof(Plan), typeof(PlanNode), typeof(Assignment), typeof(AssignmentSupport), typeof(Occurrence), typeof(Unit),
        typeof(ReportTemplate), typeof(ReportObligation), typeof(ReportPeriod), typeof(UnitReport),
    ];

    private readonly ConditionalWeakTable<DbContext, object> _touched = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null || !db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Counted.Contains(e.Metadata.ClrType)))
            return;
        _touched.AddOrUpdate(db, this);
        cache.Invalidate();
    }

    private void Saved(DbContext? db)
    {
        if (db is null || !_touched.TryGetValue(db, out _))
            return;
        cache.Invalidate();
        if (db.Database.CurrentTransaction is null)
            _touched.Remove(db);
    }

    private void Committed(DbContext? db)
    {
        if (db is not null && _touched.Remove(db))
            cache.Invalidate();
    }
}
