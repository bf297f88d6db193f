using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Features.Import;

/// <summary>A unit of the registry as the importer matches it: by name, short name and aliases.</summary>
public sealed record RegistryUnit(int Id, string Name, string? ShortName, IReadOnlyList<string> Aliases, UnitKind Kind);

/// <summary>What the importer read from a plan, for a coordinator to review before anything is saved.</summary>
/// <param name="DoubtfulJoins">Paragraphs put together from lines the text alone could not tell apart, whole, for a person to check.</param>
public sealed record ImportedPlan(
    ImportedDocument Document,
    IReadOnlyList<ImportedNode> Nodes,
    IReadOnlyList<ImportedReference> References,
    IReadOnlyList<ImportedAssignment> Assignments,
    IReadOnlyList<ImportedDeadline> Deadlines,
    IReadOnlyList<ImportedTask> Tasks,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string>? DoubtfulJoins = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese must stay readable in the JSON a person reviews.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Kind">The document's kind; for a decision or resolution that carries the plan, the wrapper's.</param>
/// <param name="PlanKind">The carried plan's kind ("Kế hoạch") when a wrapper carries it, else the same as <paramref name="Kind"/>.</param>
public sealed record ImportedDocument(
    string? Kind,
    string? Symbol,
    DateOnly? Date,
    string? Place,
    string? Issuer,
    string? Title,
    string? PlanKind,
    string? PlanTitle,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<string> Closing,
    string? Signer,
    string? SignerPosition,
    IReadOnlyList<string> SignatureLines,
    IReadOnlyList<string> Recipients);

/// <param name="Label">The label as written without punctuation: "II", "3", "2.1", "đ", "-" for a bullet.</param>
/// <param name="Path">Labels from the root joined by dots; bullets are numbered among their siblings ("III.2.-1").</param>
public sealed record ImportedNode(string Label, string Path, string? Heading, string Text, IReadOnlyList<ImportedNode> Children);

/// <param name="Paths">Node paths citing the document; outside the tree: "title", "preamble", "closing", "[1]" (a footnote), "PL1" (a table).</param>
public sealed record ImportedReference(string Kind, string Symbol, DateOnly? Date, string? Issuer, string AsWritten, IReadOnlyList<string> Paths);

/// <param name="Lead">Registry full names of the units that lead (chủ trì) or are assigned the item.</param>
/// <param name="Support">Registry full names of the units that coordinate (phối hợp).</param>
/// <param name="Requested">Bodies the plan only asks (đề nghị): not assigned.</param>
/// <param name="Groups">Groups of units ("các sở, ban, ngành") resolved to unit kinds.</param>
/// <param name="Unmatched">Names that look like units but match none of the registry.</param>
public sealed record ImportedAssignment(string Path, IReadOnlyList<string> Lead, IReadOnlyList<string> Support,
    IReadOnlyList<string> Requested, IReadOnlyList<ImportedGroup> Groups, IReadOnlyList<string> Unmatched);

public enum AssignmentRole { Lead, Support, Requested }

public sealed record ImportedGroup(AssignmentRole Role, UnitKind Kind, string Phrase);

/// <param name="Phrase">The deadline as the document writes it.</param>
/// <param name="PeriodMonths">For recurring phrases without a date ("hằng quý", "6 tháng"): the period.</param>
public sealed record ImportedDeadline(string Path, string Phrase, ScheduleKind Kind, DateOnly? Date = null, int? Month = null,
    int? Day = null, int? PeriodMonths = null);

/// <summary>A row of a task table (appendix or body): the task and its columns.</summary>
public sealed record ImportedTask(string Path, string? Group, string Label, string Text, string? LeadText, string? SupportText,
    string? DeadlineText, string? Product, IReadOnlyList<string> Lead, IReadOnlyList<string> Support,
    IReadOnlyList<ImportedGroup> Groups, IReadOnlyList<string> Unmatched, ImportedDeadline? Deadline);
