using System.Globalization;
using DonDoc.Calendar;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;

namespace DonDoc.Features.Tasks;

/// <summary>
/// The task list's filters as a URL query with the names of the API's <see cref="TaskQuery"/> (plan, unit, status,
/// dueFrom, dueTo, overdue, dueSoon, q, section, extended, page, pageSize), so a filtered list can be shared and exported as it is.
/// </summary>
public static class TaskListUrl
{
    public const string ListPath = "/nhiem-vu";
    public const string ExportPath = "/api/v1/tasks/export.xlsx";
    public const int DefaultPageSize = 25;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string List(TaskFilter f) => WithQuery(ListPath, Query(f, withPage: true));

    /// <summary>The export takes every row the filters select, so the page is left out.</summary>
    public static string Export(TaskFilter f) => WithQuery(ExportPath, Query(f, withPage: false));

    public static string Query(TaskFilter f, bool withPage = true)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
        Add("plan", f.PlanId?.ToString(Invariant));
        Add("unit", f.UnitId?.ToString(Invariant));
        Add("status", f.Status?.ToString());
        Add("dueFrom", f.DueFrom?.ToString("yyyy-MM-dd", Invariant));
        Add("dueTo", f.DueTo?.ToString("yyyy-MM-dd", Invariant));
        Add("overdue", f.OverdueOnly ? "true" : null);
        Add("dueSoon", f.DueSoonOnly ? "true" : null);
        Add("q", f.Text);
        Add("section", f.Section);
        Add("extended", f.Extended is { } extended ? (extended ? "true" : "false") : null);
        if (withPage)
        {
            Add("page", f.Page > 1 ? f.Page.ToString(Invariant) : null);
            Add("pageSize", f.PageSize != DefaultPageSize ? f.PageSize.ToString(Invariant) : null);
        }
        return string.Join("&", parts);
    }

    /// <summary>
    /// Reads the query leniently: a value that does not parse (an edited or truncated link) is ignored rather than
    /// failing the page.
    /// </summary>
    public static TaskFilter Parse(string? plan, string? unit, string? status, string? dueFrom, string? dueTo, string? overdue,
        string? dueSoon, string? q, string? page, string? pageSize, string? section = null, string? extended = null) => new(
            PlanId: Int(plan),
            UnitId: Int(unit),
            Status: Enum.TryParse<AssignmentStatusCode>(status, ignoreCase: true, out var code) && Enum.IsDefined(code) ? code : null,
            DueFrom: VietnamTime.ParseDate(dueFrom),
            DueTo: VietnamTime.ParseDate(dueTo),
            OverdueOnly: Flag(overdue),
            DueSoonOnly: Flag(dueSoon),
            Text: string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Page: Math.Max(1, Int(page) ?? 1),
            PageSize: Int(pageSize) is { } size and >= 1 and <= 200 ? size : DefaultPageSize,
            Section: string.IsNullOrWhiteSpace(section) ? null : section.Trim(),
            Extended: Flag(extended) ? true : string.Equals(extended, "false", StringComparison.OrdinalIgnoreCase) || extended == "0" ? false : null);

    private static string WithQuery(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";

    private static int? Int(string? s) => int.TryParse(s, NumberStyles.None, Invariant, out var n) ? n : null;

    private static bool Flag(string? s) => s is not null && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1");
}
