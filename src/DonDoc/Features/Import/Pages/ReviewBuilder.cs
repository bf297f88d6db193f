using DonDoc.Data;
using DonDoc.Features.Plans.Pages;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Import.Pages;

/// <summary>
/// Turns the importer's reading into the review's editable plan: unit names become registry units, deadlines
/// schedules, table rows tasks under their appendix. Where the document leaves something open (no deadline, a
/// group beside named units) the review suggests and marks it rather than deciding silently.
/// </summary>
public sealed class ReviewBuilder
{
    private readonly DonDocDbContext _db;
    private readonly ImportedPlan _parsed;
    private readonly DateOnly _activeOn;
    private readonly Dictionary<string, ImportedAssignment> _assignments;
    private readonly Dictionary<string, ImportedDeadline> _deadlines;
    private readonly Dictionary<UnitKind, List<UnitOption>> _groups = [];
    private Dictionary<string, UnitOption> _byName = [];

    private ReviewBuilder(DonDocDbContext db, ImportedPlan parsed, DateOnly activeOn)
    {
        (_db, _parsed, _activeOn) = (db, parsed, activeOn);
        _assignments = parsed.Assignments.GroupBy(a => a.Path).ToDictionary(g => g.Key, g => g.First());
        _deadlines = parsed.Deadlines.GroupBy(d => d.Path).ToDictionary(g => g.Key, g => g.First());
    }

    public static async Task<ReviewPlan> BuildAsync(DonDocDbContext db, ImportedPlan parsed, string source, DateOnly today, CancellationToken ct = default)
    {
        var builder = new ReviewBuilder(db, parsed, parsed.Document.Date ?? today);
        return await builder.BuildAsync(source, ct);
    }

    private async Task<ReviewPlan> BuildAsync(string source, CancellationToken ct)
    {
        var names = _parsed.Assignments.SelectMany(a => a.Lead.Concat(a.Support))
            .Concat(_parsed.Tasks.SelectMany(t => t.Lead.Concat(t.Support))).Distinct().ToList();
        _byName = (await _db.Units.AsNoTracking().Where(u => names.Contains(u.Name)).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
                .Select(u => new UnitOption(u.Id, u.Name, u.Code, u.Kind)).ToListAsync(ct))
            .GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First());
        var d = _parsed.Document;
        var document = new ReviewDocument
        {
            Kind = d.PlanKind ?? d.Kind,
            Symbol = d.Symbol,
            IssuedOn = d.Date?.ToDateTime(TimeOnly.MinValue),
            // The province's plans are issued by the UBND tỉnh; the letterhead's wording is shown beside it to check.
            IssuingUnitId = await _db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.ValidTo == null)
                .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct),
            IssuerAsWritten = d.Issuer,
            Title = d.PlanTitle ?? d.Title ?? "",
            Signer = d.Signer,
            SignatureLines = string.Join("\n", d.SignatureLines),
            Recipients = string.Join("\n", d.Recipients),
        };
        var nodes = new List<ReviewNode>();
        foreach (var node in _parsed.Nodes)
            nodes.Add(await NodeAsync(node, ct));
        nodes.AddRange(await AppendixNodesAsync(ct));
        return new ReviewPlan
        {
            Source = source,
            Document = document,
            References = _parsed.References.Select(r => new ReviewReference
            {
                Kind = r.Kind, Symbol = r.Symbol, IssuedOn = r.Date?.ToDateTime(TimeOnly.MinValue), Issuer = r.Issuer, AsWritten = r.AsWritten,
                Paths = r.Paths,
                // The documents named in the title and the opening paragraph are the ones the plan implements.
                IsBasis = r.Paths.Any(p => p is "title" or "preamble"),
            }).ToList(),
            Nodes = nodes,
            Warnings = _parsed.Warnings,
            ActiveOn = _activeOn,
        };
    }

    private async Task<ReviewNode> NodeAsync(ImportedNode n, CancellationToken ct)
    {
        var node = new ReviewNode { Key = n.Path, Label = n.Label, Heading = n.Heading, Text = n.Text };
        node.Doubtful = IsDoubtful(node);
        if (_assignments.GetValueOrDefault(n.Path) is { } a)
            await AssignAsync(node, a.Lead, a.Support, a.Groups, a.Unmatched, a.Requested, ct);
        SetSchedule(node, _deadlines.GetValueOrDefault(n.Path));
        foreach (var child in n.Children)
            node.Children.Add(await NodeAsync(child, ct));
        return node;
    }

    /// <summary>Each task table becomes an appendix item (PL1, PL2 …) whose rows are its tasks.</summary>
    private async Task<List<ReviewNode>> AppendixNodesAsync(CancellationToken ct)
    {
        var appendices = new List<ReviewNode>();
        foreach (var table in _parsed.Tasks.GroupBy(t => t.Path.Split('.')[0]))
        {
            var appendix = new ReviewNode { Key = table.Key, Label = table.Key, Heading = $"Phụ lục {table.Key[2..]}: Nhiệm vụ cụ thể" };
            foreach (var t in table)
            {
                var row = new ReviewNode { Key = t.Path, Label = t.Path[(table.Key.Length + 1)..], Text = t.Text, ExpectedOutput = t.Product };
                await AssignAsync(row, t.Lead, t.Support, t.Groups, t.Unmatched, [], ct);
                SetSchedule(row, t.Deadline);
                row.IsTask = true;
                appendix.Children.Add(row);
            }
            appendices.Add(appendix);
        }
        return appendices;
    }

    /// <summary>
    /// Named units are taken as they are. A group ("các sở, ban, ngành") leads on its own when no unit is named;
    /// beside named units it is left for the coordinator to add, as is a group that only coordinates.
    /// </summary>
    private async Task AssignAsync(ReviewNode node, IReadOnlyList<string> lead, IReadOnlyList<string> support, IReadOnlyList<ImportedGroup> groups,
        IReadOnlyList<string> unmatched, IReadOnlyList<string> requested, CancellationToken ct)
    {
        var leads = Named(lead);
        var leadGroups = groups.Where(g => g.Role == AssignmentRole.Lead).ToList();
        if (leads.Count == 0 && leadGroups.Count > 0)
        {
            foreach (var g in leadGroups)
                leads.AddRange(await GroupAsync(g.Kind, ct));
            leads = leads.DistinctBy(u => u.Id).ToList();
            node.Group = string.Join("; ", leadGroups.Select(g => UnitChoices.GroupName(g.Kind)).Distinct());
        }
        else
            node.PendingGroups.AddRange(leadGroups);
        node.PendingGroups.AddRange(groups.Where(g => g.Role == AssignmentRole.Support));
        node.Leads = leads;
        node.Supporting = Named(support).Where(s => leads.All(l => l.Id != s.Id)).ToList();
        node.Unmatched = [.. unmatched];
        node.Requested = requested;
        node.IsTask = leads.Count > 0;
    }

    private async Task<List<UnitOption>> GroupAsync(UnitKind kind, CancellationToken ct)
    {
        if (!_groups.TryGetValue(kind, out var members))
            _groups[kind] = members = await UnitChoices.GroupAsync(_db, kind, _activeOn, ct);
        return members;
    }

    private List<UnitOption> Named(IEnumerable<string> names) => names.Select(n => _byName.GetValueOrDefault(n)).OfType<UnitOption>().DistinctBy(u => u.Id).ToList();

    /// <summary>The document's deadline as a schedule; where it gives none, or only part, a suggestion marked as such.</summary>
    private void SetSchedule(ReviewNode node, ImportedDeadline? deadline)
    {
        var form = ScheduleForm.From(null, _activeOn.Year);
        node.SchedulePhrase = deadline?.Phrase;
        node.ScheduleGuessed = deadline is null;
        form.Kind = deadline?.Kind ?? ScheduleKind.Continuous;
        switch (deadline)
        {
            case { Kind: ScheduleKind.Fixed }:
                form.DueDate = deadline.Date?.ToDateTime(TimeOnly.MinValue);
                node.ScheduleGuessed = deadline.Date is null;
                break;
            case { Kind: ScheduleKind.Yearly }:
                (form.Day, form.Month) = (deadline.Day ?? 31, deadline.Month ?? 12);
                node.ScheduleGuessed = deadline.Day is null || deadline.Month is null;
                break;
            case { Kind: ScheduleKind.Quarterly or ScheduleKind.Monthly }:
                form.Day = deadline.Day ?? 31;
                node.ScheduleGuessed = deadline.Day is null;
                break;
        }
        node.Schedule = form;
    }

    /// <summary>An item holding a paragraph the importer joined from lines it could not be sure belong together.</summary>
    private bool IsDoubtful(ReviewNode node)
    {
        var joins = _parsed.DoubtfulJoins ?? [];
        if (joins.Count == 0)
            return false;
        var paragraphs = new[] { node.Heading ?? "" }.Concat(node.Text.Split('\n')).Select(p => p.Trim()).Where(p => p.Length >= 20);
        return paragraphs.Any(p => joins.Any(j => j.Contains(p, StringComparison.Ordinal) || p.Contains(j, StringComparison.Ordinal)));
    }
}
