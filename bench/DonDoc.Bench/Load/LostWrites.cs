using System.Globalization;
using DonDoc.Bench.Run;

namespace DonDoc.Bench.Load;

/// <summary>
/// After the run, each acknowledged write looked up in the database directly: a progress update must be there under
/// the id the server answered, on the task, by the author, with the text sent; a draft section must hold the last
/// acknowledged save's text (an earlier save of the same section is replaced by design, so it is not looked for).
/// </summary>
internal static class LostWrites
{
    /// <param name="Lost">Acknowledged writes missing or different in the database, each described.</param>
    /// <param name="Unacknowledged">Progress updates in the database that no acknowledged answer named: a write whose answer failed but whose transaction committed.</param>
    public sealed record Check(int Progress, int Drafts, int DraftSectionsChecked, IReadOnlyList<string> Lost, int Unacknowledged);

    /// <summary>The progress updates' highest id before the run: every row above it was written by the run.</summary>
    public static async Task<long> LastProgressIdAsync(Fixture db) =>
        Convert.ToInt64((await db.RowsAsync("""SELECT COALESCE(MAX("Id"), 0) FROM "ProgressUpdates" """))[0][0], CultureInfo.InvariantCulture);

    public static async Task<Check> CheckAsync(Fixture db, IReadOnlyList<Acknowledged> acknowledged, long lastProgressIdBefore)
    {
        var lost = new List<string>();
        var rows = (await db.RowsAsync("""SELECT "Id", "OccurrenceId", "AuthorId", "Text" FROM "ProgressUpdates" WHERE "Id" > @p0""", lastProgressIdBefore))
            .ToDictionary(r => Int(r[0]), r => (Occurrence: Int(r[1]), Author: Int(r[2]), Text: (string)r[3]));
        var progress = acknowledged.Where(a => a.Write.Kind == WriteKind.Progress).ToList();
        foreach (var (write, id) in progress)
        {
            if (!rows.TryGetValue(id, out var row))
                lost.Add($"cập nhật tiến độ {id} (nhiệm vụ {write.Target}): không có trong cơ sở dữ liệu");
            else if (row != (write.Target, write.UserId, write.Content))
                lost.Add($"cập nhật tiến độ {id}: khác với nội dung đã gửi");
        }

        var drafts = acknowledged.Where(a => a.Write.Kind == WriteKind.DraftSection).ToList();
        var last = drafts.GroupBy(a => (a.Write.Target, a.Write.Section)).Select(g => g.MaxBy(a => a.Write.Sequence)!).ToList();
        foreach (var chunk in last.Chunk(500))
        {
            // Ids the run itself holds, not input: safe to write into the statement.
            var ids = string.Join(",", chunk.Select(a => a.Write.Target).Distinct());
            var stored = (await db.RowsAsync($"""SELECT "ReportId", "SectionId", "Html" FROM "UnitReportSection" WHERE "ReportId" IN ({ids})"""))
                .ToDictionary(r => (Int(r[0]), Int(r[1])), r => (string)r[2]);
            foreach (var (write, id) in chunk)
            {
                if (id != write.Target)
                    lost.Add($"báo cáo {write.Target}: máy chủ trả lời với báo cáo {id}");
                else if (!stored.TryGetValue((write.Target, write.Section), out var html) || !html.Contains(write.Content, StringComparison.Ordinal))
                    lost.Add($"báo cáo {write.Target}, mục {write.Section}: không giữ lần lưu cuối {write.Content}");
            }
        }
        return new(progress.Count, drafts.Count, last.Count, lost, rows.Keys.Except(progress.Select(a => a.Id)).Count());
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
