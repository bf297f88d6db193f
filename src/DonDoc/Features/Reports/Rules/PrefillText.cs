using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DonDoc.Features.Reports.Rules;

/// <summary>One piece of work a unit reported on a task within the period, with its evidence.</summary>
public sealed record ReportedWork(string TaskPath, DateOnly PostedOn, string Text, string? EvidenceNumber, DateOnly? EvidenceDate, bool Completed);

public static class PrefillText
{
    // Vietnamese letters stay letters; only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The draft of a section from the unit's progress updates: one paragraph per piece of work, oldest first,
    /// naming the task and the document that proves it ("Văn bản số 125/BC-SNV ngày 20/11/2025"), for the officer to edit.
    /// </summary>
    public static string Compose(IEnumerable<ReportedWork> work)
    {
        var paragraphs = work.OrderBy(w => w.PostedOn).ThenBy(w => w.TaskPath, StringComparer.Ordinal).Select(w =>
        {
            var evidence = w.EvidenceNumber is { } n
                ? $" (văn bản số {n}{(w.EvidenceDate is { } d ? " ngày " + d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "")})"
                : "";
            var done = w.Completed ? " Đã hoàn thành." : "";
            return $"<p>- Nhiệm vụ {Html.Encode(w.TaskPath)}: {Html.Encode(w.Text.Trim().TrimEnd('.'))}{Html.Encode(evidence)}.{done}</p>";
        });
        return string.Concat(paragraphs);
    }
}
