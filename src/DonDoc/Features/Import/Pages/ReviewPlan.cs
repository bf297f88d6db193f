using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Pages;

namespace DonDoc.Features.Import.Pages;

/// <summary>The imported document's metadata as the coordinator corrects it.</summary>
public sealed class ReviewDocument
{
    /// <summary>Kế hoạch, Chương trình hành động, or the wrapper's kind (Quyết định); shown, not stored: a plan has no kind.</summary>
    public string? Kind { get; set; }
    public string? Symbol { get; set; }
    public DateTime? IssuedOn { get; set; }
    public int? IssuingUnitId { get; set; }

    /// <summary>The issuer as the letterhead writes it, to check the unit picked.</summary>
    public string? IssuerAsWritten { get; set; }
    public string Title { get; set; } = "";
    public string? Signer { get; set; }

    /// <summary>One line each, as the multi-line fields edit them.</summary>
    public string SignatureLines { get; set; } = "";
    public string Recipients { get; set; } = "";
}

/// <summary>A document the plan cites; a basis (căn cứ) is also linked to the plan.</summary>
public sealed class ReviewReference
{
    public string Kind { get; set; } = "";
    public string Symbol { get; set; } = "";
    public DateTime? IssuedOn { get; set; }
    public string? Issuer { get; set; }
    public string AsWritten { get; set; } = "";
    public bool IsBasis { get; set; }
    public IReadOnlyList<string> Paths { get; set; } = [];
}

/// <summary>An item of the imported tree, editable; <see cref="Key"/> is the path the importer gave it.</summary>
public sealed class ReviewNode
{
    public string Key { get; init; } = "";
    public string Label { get; set; } = "";
    public string? Heading { get; set; }
    public string Text { get; set; } = "";
    public bool IsTask { get; set; }
    public string? ExpectedOutput { get; set; }
    public ScheduleForm Schedule { get; set; } = new();

    /// <summary>The deadline as the document words it, when it gives one.</summary>
    public string? SchedulePhrase { get; set; }

    /// <summary>The document gives no (complete) deadline: the schedule shown is a suggestion to check.</summary>
    public bool ScheduleGuessed { get; set; }
    public IReadOnlyList<UnitOption> Leads { get; set; } = [];
    public IReadOnlyList<UnitOption> Supporting { get; set; } = [];

    /// <summary>Names the document gives that match no unit: to be picked from the registry or dropped.</summary>
    public List<string> Unmatched { get; set; } = [];

    /// <summary>Bodies the plan only asks (đề nghị): shown, not assigned.</summary>
    public IReadOnlyList<string> Requested { get; set; } = [];

    /// <summary>The group wording the assignments keep ("Các sở, ban, ngành").</summary>
    public string? Group { get; set; }

    /// <summary>Groups the document names that were not turned into units: the coordinator may add their members.</summary>
    public List<ImportedGroup> PendingGroups { get; } = [];

    /// <summary>Its text was joined from lines the importer could not be sure belong together.</summary>
    public bool Doubtful { get; set; }
    public List<ReviewNode> Children { get; set; } = [];

    public string Title => Heading is { Length: > 0 } h ? h : Text;
}

/// <summary>
/// A parsed plan as the review screen edits it, and what the coordinator's corrections save as
/// (<see cref="ToInput"/>): the draft plan, its cited documents and its tree.
/// </summary>
public sealed class ReviewPlan
{
    public required string Source { get; init; }
    public required ReviewDocument Document { get; init; }
    public required List<ReviewReference> References { get; init; }
    public required List<ReviewNode> Nodes { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The day units are picked for: the plan's date, or today for an undated draft.</summary>
    public required DateOnly ActiveOn { get; init; }

    public IEnumerable<ReviewNode> AllNodes => Walk(Nodes);

    public int TaskCount => AllNodes.Count(n => n.IsTask);

    public ImportInput ToInput(bool confirmDuplicate) => new(
        new PlanInput(Document.Symbol, Day(Document.IssuedOn), Document.IssuingUnitId ?? 0, Document.Title, Document.Signer,
            Lines(Document.SignatureLines), Lines(Document.Recipients)),
        References.Select(r => new CitedDocumentInput(r.Kind, r.Symbol, Day(r.IssuedOn), r.Issuer, r.IsBasis)).ToList(),
        Nodes.Select(ToInput).ToList(),
        confirmDuplicate);

    private static ImportNodeInput ToInput(ReviewNode n) => new(n.Key,
        new NodeInput(null, n.Label, n.Heading, n.Text, n.IsTask, n.ExpectedOutput, n.IsTask ? n.Schedule.ToSchedule() : null,
            n.IsTask ? n.SchedulePhrase : null, n.Leads.Select(u => u.Id).ToList(), n.Supporting.Select(u => u.Id).ToList(), n.Group),
        n.Children.Select(ToInput).ToList());

    private static IEnumerable<ReviewNode> Walk(IEnumerable<ReviewNode> nodes) => nodes.SelectMany(n => new[] { n }.Concat(Walk(n.Children)));

    private static DateOnly? Day(DateTime? d) => d is { } day ? DateOnly.FromDateTime(day) : null;

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
