using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Search.Rules;
using DonDoc.Features.Tasks;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Search;

/// <summary>A hit: its text as plain text and as HTML with the matched words in &lt;mark&gt;, and where to open it.</summary>
public sealed record SearchHit(SearchKind Kind, int Id, string Title, string Snippet, string TitleHtml, string SnippetHtml, string? Url, string? Context);

/// <param name="Count">How many hits of the kind there are; <paramref name="Hits"/> holds the first of them.</param>
public sealed record SearchGroup(SearchKind Kind, string Label, int Count, IReadOnlyList<SearchHit> Hits);

/// <param name="Searchable">False when the query has no word of two characters: nothing was looked for.</param>
public sealed record SearchResults(string Query, IReadOnlyList<string> Terms, bool Searchable, IReadOnlyList<SearchGroup> Groups);

/// <summary>
/// Search over plans, tasks, updates, reports, documents and units. The database finds the entries whose words
/// start with every term, through its index; each kind's entries are then kept only where the person may see the
/// record by the same rules as its own pages (<see cref="TaskList.Visible"/>, <see cref="ReportQueries.Visible"/>,
/// <see cref="UnitScopeQueries.VisibleIn"/>), which also drops entries of records deleted in bulk.
/// </summary>
public static class SearchQueries
{
    public const int MaxTake = 100;

    public static async Task<SearchResults> SearchAsync(DonDocDbContext db, UnitScope scope, string? q, SearchKind? kind = null, int take = 10,
        CancellationToken ct = default)
    {
        var terms = SearchText.Terms(q);
        var query = SearchText.Clean(q);
        if (!SearchText.IsSearchable(terms))
            return new SearchResults(query, terms, false, []);
        take = Math.Clamp(take, 1, MaxTake);
        var matches = Matching(db, terms);
        var titleFirst = SearchText.LikePattern(terms.MaxBy(t => t.Length)!);
        var groups = new List<SearchGroup>();
        foreach (var k in kind is { } only ? [only] : Enum.GetValues<SearchKind>())
        {
            var visible = Visible(db, scope, matches.Where(e => e.Kind == k), k);
            var count = await visible.CountAsync(ct);
            if (count == 0)
                continue;
            var rows = await visible.OrderByDescending(e => EF.Functions.Like(e.TitleKey, titleFirst)).ThenByDescending(e => e.EntityId)
                .Take(take).Select(e => new { e.EntityId, e.Title, e.Body }).ToListAsync(ct);
            var links = await LinksAsync(db, scope, k, rows.Select(r => r.EntityId).ToList(), ct);
            var hits = rows.Select(r =>
            {
                var snippet = SearchText.Snippet(r.Body, terms);
                var (url, context) = links.GetValueOrDefault(r.EntityId);
                return new SearchHit(k, r.EntityId, r.Title, snippet, SearchText.Highlight(r.Title, terms), SearchText.Highlight(snippet, terms), url, context);
            }).ToList();
            groups.Add(new SearchGroup(k, k.Label(), count, hits));
        }
        return new SearchResults(query, terms, true, groups);
    }

    /// <summary>Entries holding a word that starts with each term, found by the database's full-text or trigram index.</summary>
    private static IQueryable<SearchEntry> Matching(DonDocDbContext db, IReadOnlyList<string> terms)
    {
        if (db.Database.IsSqlite())
        {
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH {SearchText.FtsQuery(terms)}");
            return db.SearchEntries.AsNoTracking().Where(e => ids.Contains(e.Id));
        }
        var entries = db.SearchEntries.AsNoTracking();
        foreach (var pattern in terms.Select(SearchText.LikePattern))
            entries = entries.Where(e => EF.Functions.Like(e.Key, pattern));
        return entries;
    }

    private static IQueryable<SearchEntry> Visible(DonDocDbContext db, UnitScope scope, IQueryable<SearchEntry> entries, SearchKind kind)
    {
        switch (kind)
        {
            case SearchKind.Plan:
                var plans = db.Plans;
                return entries.Where(e => plans.Any(p => p.Id == e.EntityId));
            case SearchKind.Task:
                var occurrences = TaskList.Visible(db, scope);
                return entries.Where(e => occurrences.Any(o => o.Assignment!.NodeId == e.EntityId));
            case SearchKind.Update:
                var visibleOccurrences = TaskList.Visible(db, scope);
                var updates = db.ProgressUpdates;
                return entries.Where(e => updates.Any(u => u.Id == e.EntityId && visibleOccurrences.Any(o => o.Id == u.OccurrenceId)));
            case SearchKind.Report:
                var reports = ReportQueries.Visible(db, scope);
                return entries.Where(e => reports.Any(r => r.Id == e.EntityId));
            case SearchKind.Document:
                var documents = db.LegalDocuments;
                return entries.Where(e => documents.Any(d => d.Id == e.EntityId));
            case SearchKind.Unit:
                var units = db.Units.VisibleIn(scope);
                return entries.Where(e => units.Any(u => u.Id == e.EntityId));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>Where each hit opens, and a line that places it (the plan of a task, the task of an update).</summary>
    private static async Task<Dictionary<int, (string? Url, string? Context)>> LinksAsync(DonDocDbContext db, UnitScope scope, SearchKind kind,
        List<int> ids, CancellationToken ct)
    {
        switch (kind)
        {
            case SearchKind.Task:
                // A task given to many units opens on the first of its occurrences the person may see.
                var first = await TaskList.Visible(db, scope).Where(o => ids.Contains(o.Assignment!.NodeId))
                    .GroupBy(o => o.Assignment!.NodeId).Select(g => new { g.Key, Id = g.Min(o => o.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id, ct);
                var plans = await db.PlanNodes.AsNoTracking().Where(n => ids.Contains(n.Id))
                    .Select(n => new { n.Id, n.Plan!.Symbol, n.Plan.Title }).ToDictionaryAsync(n => n.Id, ct);
                return ids.ToDictionary(id => id, id => (
                    first.TryGetValue(id, out var occurrence) ? $"/nhiem-vu/{occurrence}" : null,
                    plans.TryGetValue(id, out var p) ? $"Kế hoạch {p.Symbol ?? SearchText.Shorten(p.Title, 120)}" : null));
            case SearchKind.Update:
                var updates = await db.ProgressUpdates.AsNoTracking().Where(u => ids.Contains(u.Id))
                    .Select(u => new { u.Id, u.OccurrenceId, u.PostedAt, u.Occurrence!.Period, u.Occurrence.Assignment!.Node!.Path }).ToListAsync(ct);
                return updates.ToDictionary(u => u.Id, u => ((string?)$"/nhiem-vu/{u.OccurrenceId}", (string?)string.Join(" · ",
                    new[] { $"Nhiệm vụ {u.Path}", u.Period.Length == 0 ? "" : $"kỳ {u.Period}", VietnamTime.DateAndTime(u.PostedAt) }.Where(s => s.Length > 0))));
            case SearchKind.Document:
                // The register of documents has no page of its own: a document opens on a plan that cites it.
                var citing = await db.Set<PlanBasis>().Where(b => ids.Contains(b.LegalDocumentId))
                    .GroupBy(b => b.LegalDocumentId).Select(g => new { g.Key, PlanId = g.Min(b => b.PlanId) }).ToListAsync(ct);
                return citing.ToDictionary(c => c.Key, c => ((string?)$"/ke-hoach/{c.PlanId}", (string?)"Căn cứ của kế hoạch"));
            default:
                return ids.ToDictionary(id => id, id => (Url(kind, id), (string?)null));
        }
    }

    private static string? Url(SearchKind kind, int id) => kind switch
    {
        SearchKind.Plan => $"/ke-hoach/{id}",
        SearchKind.Report => $"/bao-cao/{id}",
        SearchKind.Unit => TaskListUrl.List(new TaskFilter(UnitId: id)),
        _ => null,
    };
}
