using System.Runtime.CompilerServices;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonDoc.Features.Search;

/// <summary>
/// Keeps <see cref="SearchEntry"/> in step with every save of a searchable record, so no use case can forget it.
/// New records get their ids only when saved, so the touched records are noted before the save and their entries
/// rewritten from the database right after it (inside the audit's transaction when there is one).
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    public static readonly SearchIndexInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    private sealed class State
    {
        public readonly List<(object Entity, bool Renamed)> Touched = [];
        public bool Refreshing;
    }

    private SearchIndexInterceptor()
    {
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var state = _states.GetOrCreateValue(db);
            if (!state.Refreshing)
                state.Touched.AddRange(db.ChangeTracker.Entries()
                    .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsSource(e.Entity))
                    .Select(e => (e.Entity, e.State == EntityState.Modified && NameOf(e.Entity) is { } name && e.Property(name).IsModified)));
        }
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not DonDocDbContext db || !_states.TryGetValue(db, out var state) || state.Refreshing || state.Touched.Count == 0)
            return result;
        var touched = state.Touched.ToList();
        state.Touched.Clear();
        state.Refreshing = true;
        try
        {
            foreach (var (kind, ids) in await AffectedAsync(db, touched, cancellationToken))
                await SearchIndexer.RefreshAsync(db, kind, ids, cancellationToken);
        }
        finally
        {
            state.Refreshing = false;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db && _states.TryGetValue(db, out var state) && !state.Refreshing)
            state.Touched.Clear();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>The name other records' entries carry: renaming it rewrites those too.</summary>
    private static string? NameOf(object entity) => entity switch
    {
        Unit => nameof(Unit.Name),
        ReportTemplate => nameof(ReportTemplate.Name),
        ReportPeriod => nameof(ReportPeriod.Label),
        _ => null,
    };

    private static bool IsSource(object entity) =>
        entity is Plan or PlanNode or ProgressUpdate or LegalDocument or UnitReport or UnitReportSection or ReportTemplate or ReportPeriod or Unit;

    /// <summary>The entries to rewrite: the records' own, and those of reports and updates that carry a changed name.</summary>
    private static async Task<Dictionary<SearchKind, HashSet<int>>> AffectedAsync(DonDocDbContext db, List<(object, bool)> touched, CancellationToken ct)
    {
        var ids = Enum.GetValues<SearchKind>().ToDictionary(k => k, _ => new HashSet<int>());
        var renamedUnits = new List<int>();
        var renamedTemplates = new List<int>();
        var renamedPeriods = new List<int>();
        foreach (var (entity, renamed) in touched)
        {
            switch (entity)
            {
                case Plan p: ids[SearchKind.Plan].Add(p.Id); break;
                case PlanNode n: ids[SearchKind.Task].Add(n.Id); break;
                case ProgressUpdate u: ids[SearchKind.Update].Add(u.Id); break;
                case LegalDocument d: ids[SearchKind.Document].Add(d.Id); break;
                case UnitReport r: ids[SearchKind.Report].Add(r.Id); break;
                case UnitReportSection s: ids[SearchKind.Report].Add(s.ReportId); break;
                case ReportTemplate t when renamed: renamedTemplates.Add(t.Id); break;
                case ReportPeriod p when renamed: renamedPeriods.Add(p.Id); break;
                case Unit u:
                    ids[SearchKind.Unit].Add(u.Id);
                    if (renamed)
                        renamedUnits.Add(u.Id);
                    break;
            }
        }
        if (renamedUnits.Count > 0)
        {
            ids[SearchKind.Report].UnionWith(await db.UnitReports.Where(r => renamedUnits.Contains(r.UnitId)).Select(r => r.Id).ToListAsync(ct));
            ids[SearchKind.Update].UnionWith(await db.ProgressUpdates.Where(u => renamedUnits.Contains(u.UnitId)).Select(u => u.Id).ToListAsync(ct));
        }
        if (renamedTemplates.Count > 0 || renamedPeriods.Count > 0)
            ids[SearchKind.Report].UnionWith(await db.UnitReports
                .Where(r => renamedPeriods.Contains(r.PeriodId) || renamedTemplates.Contains(r.Period!.TemplateId)).Select(r => r.Id).ToListAsync(ct));
        return ids.Where(x => x.Value.Count > 0).ToDictionary();
    }
}
