using DonDoc.Data;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Search.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Search;

/// <summary>Builds the <see cref="SearchEntry"/> of records from what the database holds now.</summary>
public static class SearchIndexer
{
    private const int Batch = 1000;

    /// <summary>
    /// Brings the entries of these records in line with them: written anew, or removed for records gone (or, for
    /// plan nodes, no longer tasks). Records whose text carries another's name (a report the unit's, its template's
    /// and period's) are passed here by <see cref="SearchIndexInterceptor"/> when that other changes.
    /// </summary>
    public static async Task RefreshAsync(DonDocDbContext db, SearchKind kind, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        foreach (var chunk in ids.Chunk(Batch))
        {
            var fresh = (await SourcesAsync(db, kind, chunk, ct)).ToDictionary(e => e.EntityId);
            var stored = await db.SearchEntries.Where(e => e.Kind == kind && chunk.Contains(e.EntityId)).ToListAsync(ct);
            foreach (var entry in stored)
            {
                if (fresh.Remove(entry.EntityId, out var now))
                    (entry.Title, entry.Body, entry.TitleKey, entry.Key) = (now.Title, now.Body, now.TitleKey, now.Key);
                else
                    db.SearchEntries.Remove(entry);
            }
            db.SearchEntries.AddRange(fresh.Values);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Writes every entry anew from the records: for a database that has records from before search existed.</summary>
    public static async Task<int> RebuildAsync(DonDocDbContext db, CancellationToken ct = default)
    {
        await db.SearchEntries.ExecuteDeleteAsync(ct);
        var total = 0;
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            var lastId = 0;
            while (true)
            {
                var ids = await AllIds(db, kind).Where(id => id > lastId).Order().Take(Batch).ToListAsync(ct);
                if (ids.Count == 0)
                    break;
                var entries = await SourcesAsync(db, kind, ids, ct);
                db.SearchEntries.AddRange(entries);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                total += entries.Count;
                lastId = ids[^1];
            }
        }
        return total;
    }

    /// <summary>Rebuilds when the index is empty but the database is not (first start after the Search migration).</summary>
    public static async Task BackfillAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        if (await db.SearchEntries.AnyAsync(ct) || !await db.Units.AnyAsync(ct))
            return;
        logger.LogInformation("Building the search index for the existing records");
        var count = await RebuildAsync(db, ct);
        logger.LogInformation("Search index built: {Count} entries", count);
    }

    private static IQueryable<int> AllIds(DonDocDbContext db, SearchKind kind) => kind switch
    {
        SearchKind.Plan => db.Plans.Select(p => p.Id),
        SearchKind.Task => db.PlanNodes.Where(n => n.IsTask).Select(n => n.Id),
        SearchKind.Update => db.ProgressUpdates.Select(u => u.Id),
        SearchKind.Report => db.UnitReports.Select(r => r.Id),
        SearchKind.Document => db.LegalDocuments.Select(d => d.Id),
        SearchKind.Unit => db.Units.Select(u => u.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static async Task<List<SearchEntry>> SourcesAsync(DonDocDbContext db, SearchKind kind, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        switch (kind)
        {
            case SearchKind.Plan:
                return (await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Symbol, p.Title }).ToListAsync(ct))
                    .Select(p => Entry(kind, p.Id, p.Symbol is null ? p.Title : $"{p.Symbol} – {p.Title}", "")).ToList();
            case SearchKind.Task:
                return (await db.PlanNodes.AsNoTracking().Where(n => ids.Contains(n.Id) && n.IsTask)
                        .Select(n => new { n.Id, n.Path, n.Heading, n.Text, n.ExpectedOutput }).ToListAsync(ct))
                    .Select(n => Entry(kind, n.Id, $"{n.Path}. {SearchText.Shorten(SearchText.Clean(n.Heading ?? n.Text), 300)}",
                        string.Join(" ", n.Heading is null ? "" : n.Text, n.ExpectedOutput))).ToList();
            case SearchKind.Update:
                return (await db.ProgressUpdates.AsNoTracking().Where(u => ids.Contains(u.Id))
                        .Select(u => new { u.Id, UnitName = u.Unit!.Name, u.Text, u.EvidenceNumber }).ToListAsync(ct))
                    .Select(u => Entry(kind, u.Id, u.UnitName, string.Join(" ", u.Text, u.EvidenceNumber))).ToList();
            case SearchKind.Report:
                var reports = await db.UnitReports.AsNoTracking().Where(r => ids.Contains(r.Id))
                    .Select(r => new { r.Id, Template = r.Period!.Template!.Name, r.Period.Label, UnitName = r.Unit!.Name, Sections = r.Sections.Select(s => s.Html).ToList() })
                    .AsSplitQuery().ToListAsync(ct);
                return reports.Select(r => Entry(kind, r.Id, $"{r.Template} · {r.Label} · {r.UnitName}",
                    string.Join(" ", r.Sections.Select(TextDiff.PlainText)))).ToList();
            case SearchKind.Document:
                return (await db.LegalDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Kind, d.Symbol, d.Issuer, d.Summary }).ToListAsync(ct))
                    .Select(d => Entry(kind, d.Id, $"{d.Kind} {d.Symbol}", string.Join(" ", d.Summary, d.Issuer))).ToList();
            case SearchKind.Unit:
                return (await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.ShortName, u.Aliases, u.Code }).ToListAsync(ct))
                    .Select(u => Entry(kind, u.Id, u.Name, string.Join(" ", [u.ShortName, .. u.Aliases, u.Code]))).ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static SearchEntry Entry(SearchKind kind, int id, string title, string body)
    {
        var t = SearchText.Shorten(SearchText.Clean(title), SearchEntry.MaxTitleLength);
        var b = SearchText.Clean(body);
        b = b.Length <= SearchEntry.MaxBodyLength ? b : b[..SearchEntry.MaxBodyLength];
        return new SearchEntry { Kind = kind, EntityId = id, Title = t, Body = b, TitleKey = SearchText.Key(t), Key = SearchText.Key(t + " " + b) };
    }
}
