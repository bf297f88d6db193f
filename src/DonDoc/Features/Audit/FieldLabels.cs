using System.Globalization;
using System.Text.Json;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Pages;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Pages;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Search.Rules;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Audit;

/// <summary>
/// How the changes of an audit entry read in Vietnamese: each field's label and its stored values shown as people
/// know them (dates as dd/MM/yyyy, units and indicators by name, report text without its markup, long text cut).
/// A field with no label here shows under its property name. The names the values refer to are loaded once for all
/// the lines to describe.
/// </summary>
internal sealed class FieldLabels
{
    private enum Shown { Text, Html, Date, Time, Flag, Number, List, Unit, Node, Document, Figure, PlanStatus, ReportState, UnitKind, ReportKind, Frequency, ScheduleKind }

    /// <summary>What the key of a part ("Sections[12]") names, for its label.</summary>
    private enum Key { None, Section, Indicator }

    /// <param name="Label">"{0}" stands for the part's key, or for the name the key refers to.</param>
    /// <param name="Member">A part that is there or not (a lead unit): shown as added and removed rather than old → new.</param>
    private sealed record Spec(string Label, Shown Shown = Shown.Text, Key Key = Key.None, bool Member = false);

    private const int TextLength = 120;
    private const string Empty = "(trống)";

    // Looked up by type and field ("PlanNode.DueDate"), then by field alone. A refusal lists the changes in this
    // order, which follows the forms: what the record is, then its dates, people and parts.
    private static readonly OrderedDictionary<string, Spec> Specs = new()
    {
        ["Name"] = new("Tên"),
        ["Heading"] = new("Tiêu đề"),
        ["Text"] = new("Nội dung"),
        ["Symbol"] = new("Số, ký hiệu"),
        ["IssuedOn"] = new("Ngày ban hành", Shown.Date),

        ["Plan.Title"] = new("Trích yếu"),
        ["Plan.IssuingUnitId"] = new("Đơn vị ban hành", Shown.Unit),
        ["Plan.Signer"] = new("Người ký"),
        ["Plan.SignatureLines"] = new("Thẩm quyền, chức vụ người ký", Shown.List),
        ["Plan.Recipients"] = new("Nơi nhận", Shown.List),
        ["Plan.Status"] = new("Trạng thái", Shown.PlanStatus),
        ["Plan.ParentNodeId"] = new("Nhiệm vụ cấp trên", Shown.Node),
        ["Plan.Basis"] = new("Văn bản căn cứ", Shown.Document, Member: true),

        ["PlanNode.Label"] = new("Số thứ tự"),
        ["PlanNode.ParentId"] = new("Thuộc mục", Shown.Node),
        ["PlanNode.IsTask"] = new("Là nhiệm vụ", Shown.Flag),
        ["PlanNode.ExpectedOutput"] = new("Sản phẩm"),
        ["PlanNode.ScheduleKind"] = new("Loại thời hạn", Shown.ScheduleKind),
        ["PlanNode.DueDate"] = new("Hạn hoàn thành", Shown.Date),
        ["PlanNode.ScheduleDay"] = new("Ngày của hạn", Shown.Number),
        ["PlanNode.ScheduleMonth"] = new("Tháng của hạn", Shown.Number),
        ["PlanNode.FirstYear"] = new("Từ năm", Shown.Number),
        ["PlanNode.LastYear"] = new("Đến năm", Shown.Number),
        ["PlanNode.SchedulePhrase"] = new("Thời hạn ghi trong văn bản"),
        ["PlanNode.LeadUnits"] = new("Đơn vị chủ trì", Shown.Unit, Member: true),

        ["LegalDocument.Kind"] = new("Loại văn bản"),
        ["LegalDocument.Issuer"] = new("Cơ quan ban hành"),
        ["LegalDocument.Summary"] = new("Trích yếu"),

        ["Unit.Code"] = new("Mã định danh"),
        ["Unit.Name"] = new("Tên đơn vị"),
        ["Unit.ShortName"] = new("Tên viết tắt"),
        ["Unit.Aliases"] = new("Tên gọi khác", Shown.List),
        ["Unit.Kind"] = new("Loại đơn vị", Shown.UnitKind),
        ["Unit.ParentId"] = new("Đơn vị cấp trên", Shown.Unit),
        ["Unit.ValidFrom"] = new("Hiệu lực từ ngày", Shown.Date),
        ["Unit.ValidTo"] = new("Hiệu lực đến hết ngày", Shown.Date),
        ["Unit.SuccessorId"] = new("Đơn vị kế thừa", Shown.Unit),

        ["ReportTemplate.Name"] = new("Tên báo cáo"),
        ["ReportTemplate.Kind"] = new("Loại báo cáo", Shown.ReportKind),
        ["ReportTemplate.Frequency"] = new("Tần suất", Shown.Frequency),
        ["ReportTemplate.DueDay"] = new("Hạn gửi: ngày", Shown.Number),
        ["ReportTemplate.DueMonth"] = new("Hạn gửi: tháng", Shown.Number),
        ["ReportTemplate.CutOffStartDay"] = new("Chốt số liệu từ ngày", Shown.Number),
        ["ReportTemplate.CutOffEndDay"] = new("Chốt số liệu đến ngày", Shown.Number),
        ["ReportTemplate.RecipientUnitId"] = new("Cơ quan nhận, tổng hợp báo cáo", Shown.Unit),
        ["ReportTemplate.TaskNodeId"] = new("Nhiệm vụ báo cáo của kế hoạch", Shown.Node),
        ["ReportTemplate.ObligedGroup"] = new("Tên nhóm đơn vị phải báo cáo"),
        ["ReportTemplate.ObligedUnits"] = new("Đơn vị phải báo cáo", Shown.Unit, Member: true),
        ["ReportTemplate.Outline"] = new("Tên mục {0} của đề cương"),
        ["ReportTemplate.Indicators"] = new("Tên chỉ tiêu {0}"),

        ["ReportPeriod.DueDate"] = new("Hạn gửi báo cáo", Shown.Date),
        ["ReportPeriod.ReportSymbol"] = new("Số, ký hiệu báo cáo của tỉnh"),
        ["ReportPeriod.Sections"] = new("Mục «{0}»", Shown.Html, Key.Section),

        ["UnitReport.State"] = new("Trạng thái", Shown.ReportState),
        ["UnitReport.FirstSubmittedOn"] = new("Ngày gửi lần đầu", Shown.Date),
        ["UnitReport.SubmittedAt"] = new("Thời điểm gửi", Shown.Time),
        ["UnitReport.SubmittedInNameOf"] = new("Thủ trưởng ký gửi"),
        ["UnitReport.ReturnReason"] = new("Lý do trả lại"),
        ["UnitReport.ReviewedByName"] = new("Người tiếp nhận"),
        ["UnitReport.ReviewedAt"] = new("Thời điểm tiếp nhận", Shown.Time),
        ["UnitReport.Sections"] = new("Mục «{0}»", Shown.Html, Key.Section),
        ["UnitReport.Values"] = new("Chỉ tiêu «{0}»", Shown.Figure, Key.Indicator),

        ["ReminderSettings.DaysBefore"] = new("Nhắc trước hạn (số ngày)"),
        ["ReminderSettings.OnTheDay"] = new("Nhắc vào đúng ngày đến hạn", Shown.Flag),
        ["ReminderSettings.RepeatOverdueEvery"] = new("Khi quá hạn, nhắc lại sau mỗi (ngày)", Shown.Number),
        ["ReminderSettings.EscalateToHeadAfter"] = new("Báo thủ trưởng đơn vị khi quá hạn (ngày)", Shown.Number),
        ["ReminderSettings.EscalateToCoordinatorAfter"] = new("Đưa vào danh sách cần đôn đốc khi quá hạn (ngày)", Shown.Number),
        ["ReminderSettings.WorkingDays"] = new("Tính theo ngày làm việc", Shown.Flag),

        ["SortOrder"] = new("Thứ tự hiển thị", Shown.Number),
    };

    // Kept in the log but not worth a person's reading: the version itself, a key derived from another field.
    private static readonly HashSet<string> Hidden = [AuditChanges.VersionField, "SymbolKey"];

    private readonly string _entityType;
    private readonly Dictionary<int, string> _units;
    private readonly Dictionary<int, string> _nodes;
    private readonly Dictionary<int, string> _documents;
    private readonly Dictionary<int, string> _sections;
    private readonly Dictionary<int, (string Name, IndicatorType Type)> _indicators;

    private FieldLabels(string entityType, Dictionary<int, string> units, Dictionary<int, string> nodes, Dictionary<int, string> documents,
        Dictionary<int, string> sections, Dictionary<int, (string, IndicatorType)> indicators) =>
        (_entityType, _units, _nodes, _documents, _sections, _indicators) = (entityType, units, nodes, documents, sections, indicators);

    /// <summary>Loads the names that the values and part keys of <paramref name="lines"/> refer to.</summary>
    public static async Task<FieldLabels> LoadAsync(DonDocDbContext db, string entityType, IEnumerable<AuditChanges.Line> lines, CancellationToken ct)
    {
        var fields = Fields(entityType, lines).ToList();
        List<int> Values(Shown shown) => [.. fields.Where(f => f.Spec.Shown == shown).SelectMany(f => new[] { f.Line.Old, f.Line.New }).Select(IdOf).OfType<int>()];
        List<int> Keys(Key key) => [.. fields.Where(f => f.Spec.Key == key).Select(f => IdOf(f.Key)).OfType<int>()];
        var units = Values(Shown.Unit);
        var nodes = Values(Shown.Node);
        var documents = Values(Shown.Document);
        var sections = Keys(Key.Section);
        var indicators = Keys(Key.Indicator);
        return new FieldLabels(entityType,
            await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct),
            await db.PlanNodes.AsNoTracking().Where(n => nodes.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Path, ct),
            await db.LegalDocuments.AsNoTracking().Where(d => documents.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Kind + " " + d.Symbol, ct),
            await db.Set<TemplateSection>().AsNoTracking().Where(s => sections.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct),
            await db.Set<TemplateIndicator>().AsNoTracking().Where(i => indicators.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (i.Name, i.Type), ct));
    }

    /// <summary>
    /// One sentence per changed field: "Hạn hoàn thành: 05/12/2026 → 10/12/2026"; the parts that are there or not
    /// in one: "Đơn vị chủ trì: thêm Sở Tư pháp; bỏ Sở Nội vụ".
    /// </summary>
    public IReadOnlyList<string> Describe(IEnumerable<AuditChanges.Line> lines)
    {
        var described = new List<string>();
        var fields = Fields(_entityType, lines).OrderBy(f => f.Order)
            .Select(f => (f.Line, f.Key, f.Spec, Label: string.Format(CultureInfo.InvariantCulture, f.Spec.Label, KeyName(f.Spec.Key, f.Key))));
        foreach (var group in fields.GroupBy(f => (f.Spec.Member, f.Spec.Member ? f.Label : f.Line.Field)))
        {
            var (line, key, spec, label) = group.First();
            if (spec.Member)
            {
                described.Add($"{label}: {Membership([.. group.Where(m => m.Line.New is not null).Select(m => Show(spec, m.Key, m.Line.New))],
                    [.. group.Where(m => m.Line.Old is not null).Select(m => Show(spec, m.Key, m.Line.Old))])}");
                continue;
            }
            var (old, @new) = (Show(spec, key, line.Old), Show(spec, key, line.New));
            if (old != @new)
                described.Add($"{label}: {old} → {@new}");
            // Text that reads the same changed only in its markup or spacing; a blank part added reads as no change at all.
            else if (old != Empty)
                described.Add($"{label}: {@new} (chỉ đổi cách trình bày)");
        }
        return described;
    }

    private static IEnumerable<(AuditChanges.Line Line, string? Key, Spec Spec, int Order)> Fields(string entityType, IEnumerable<AuditChanges.Line> lines) =>
        lines.Where(l => !Hidden.Contains(l.Field)).Select(l =>
        {
            var (field, key) = Parse(l.Field);
            var (spec, order) = SpecOf(entityType, field);
            return (l, key, spec, order);
        });

    private static string Membership(List<string> added, List<string> removed) => string.Join("; ",
        new[] { added.Count > 0 ? "thêm " + string.Join(", ", added) : null, removed.Count > 0 ? "bỏ " + string.Join(", ", removed) : null }.OfType<string>());

    /// <summary>The field's spec and its place in the order of <see cref="Specs"/>; an unknown field comes last, under its own name.</summary>
    private static (Spec Spec, int Order) SpecOf(string entityType, string field) =>
        Specs.IndexOf($"{entityType}.{field}") is >= 0 and var typed ? (Specs.GetAt(typed).Value, typed)
        : Specs.IndexOf(field) is >= 0 and var shared ? (Specs.GetAt(shared).Value, shared)
        : (new Spec(field), int.MaxValue);

    /// <summary>"Sections[12]" → ("Sections", "12"); a plain field has no key.</summary>
    private static (string Field, string? Key) Parse(string name) =>
        name.IndexOf('[', StringComparison.Ordinal) is > 0 and var open && name.EndsWith(']')
            ? (name[..open], name[(open + 1)..^1])
            : (name, null);

    private static int? IdOf(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    private string? KeyName(Key kind, string? key) => kind switch
    {
        Key.Section when IdOf(key) is { } id && _sections.TryGetValue(id, out var title) => title,
        Key.Indicator when IdOf(key) is { } id && _indicators.TryGetValue(id, out var indicator) => indicator.Name,
        _ => key,
    };

    private string Show(Spec spec, string? key, string? value)
    {
        if (value is null)
            return Empty;
        var shown = spec.Shown switch
        {
            Shown.Text => Quoted(value),
            Shown.Html => Quoted(TextDiff.PlainText(value)),
            Shown.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? VietnamTime.Date(day) : value,
            Shown.Time => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                ? VietnamTime.DateAndTime(at) : value,
            Shown.Flag => value == "true" ? "có" : value == "false" ? "không" : value,
            Shown.List => Quoted(string.Join("; ", JsonSerializer.Deserialize<List<string>>(value) ?? [])),
            Shown.Unit => Named(_units, value),
            Shown.Node => Named(_nodes, value),
            Shown.Document => Named(_documents, value),
            Shown.Figure => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var figure)
                ? IndicatorRules.Text(figure, IdOf(key) is { } id && _indicators.TryGetValue(id, out var i) ? i.Type : IndicatorType.Decimal) : value,
            Shown.PlanStatus => Enum.TryParse<PlanStatus>(value, out var status) ? status.Label() : value,
            Shown.ReportState => Enum.TryParse<ReportState>(value, out var state) ? state.Label() : value,
            Shown.UnitKind => Enum.TryParse<UnitKind>(value, out var kind) ? kind.Label() : value,
            Shown.ReportKind => Enum.TryParse<ReportKind>(value, out var reportKind) ? reportKind.Label() : value,
            Shown.Frequency => Enum.TryParse<ReportFrequency>(value, out var frequency) ? frequency.Label() : value,
            Shown.ScheduleKind => Enum.TryParse<ScheduleKind>(value, out var scheduleKind) ? ScheduleForm.Label(scheduleKind) : value,
            _ => value,
        };
        return shown.Length == 0 ? Empty : shown;
    }

    /// <summary>Text in guillemets, on one line and cut to a readable length; blank text is shown as empty.</summary>
    private static string Quoted(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? "" : $"«{SearchText.Shorten(line, TextLength)}»";
    }

    private static string Named(Dictionary<int, string> names, string value) =>
        IdOf(value) is { } id && names.TryGetValue(id, out var name) ? name : value;
}
