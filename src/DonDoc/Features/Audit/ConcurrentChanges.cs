using System.Globalization;
using System.Text;
using DonDoc.Calendar;
using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Audit;

/// <summary>
/// Why a save made on an old version of a record is refused: who saved the record after the person opened it, when,
/// and what they changed, old → new. Read from the audit log, whose entries carry the version each save replaced, so
/// it takes no record of its own. The refused input is not saved; the message says so and asks for a reload.
/// </summary>
public static class ConcurrentChanges
{
    // Saves described one by one; a form kept open through more is told how many earlier ones there were.
    private const int MostSaves = 5;

    // The latest entries of the record read to find those saves: far more saves than a form stays open through.
    private const int Lookback = 50;

    private const string NotSaved = "Dữ liệu của bạn chưa được lưu; hãy tải lại để xem thay đổi rồi sửa lại.";

    /// <summary>
    /// Runs <paramref name="save"/>; when someone else saved <paramref name="record"/> between its loading and this save,
    /// the version check of the update fails and the result is the refusal naming their changes.
    /// </summary>
    public static async Task<SaveResult<T>> SaveAsync<T>(DonDocDbContext db, string noun, T record, Func<Task> save, CancellationToken ct = default)
        where T : class, IVersioned
    {
        // The version as loaded: the failed save has already counted the record's own one up.
        var opened = db.Entry(record).Property<long>(nameof(IVersioned.Version)).OriginalValue;
        try
        {
            await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefusalAsync(db, noun, record, opened, ct);
        }
        return SaveResult<T>.Success(record);
    }

    /// <summary>The refusal of a save of <paramref name="record"/> by someone who opened it at <paramref name="openedVersion"/>.</summary>
    /// <param name="noun">The record as the sentence names it, capitalised: "Nhiệm vụ", "Báo cáo".</param>
    public static async Task<SaveResult<T>> RefusalAsync<T>(DonDocDbContext db, string noun, T record, long openedVersion, CancellationToken ct = default)
        where T : IVersioned =>
        SaveResult<T>.Fail("version", await DescribeAsync(db, noun, typeof(T).Name, record.Id, openedVersion, ct));

    /// <summary>
    /// One line saying who changed the record and when, one per changed field, then that nothing was saved. Several
    /// saves since are listed in order, each with its changes.
    /// </summary>
    private static async Task<string> DescribeAsync(DonDocDbContext db, string noun, string entityType, int id, long openedVersion,
        CancellationToken ct)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var recent = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == key && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Id).Take(Lookback)
            .Select(a => new { a.At, a.UserId, a.UserName, a.Changes })
            .ToListAsync(ct);
        var saves = recent.Select(a => (a.At, a.UserId, a.UserName, Lines: AuditChanges.Parse(a.Changes)))
            .Where(s => AuditChanges.ReplacedVersion(s.Lines) >= openedVersion)
            .Reverse().ToList();
        if (saves.Count == 0)
            return $"{noun} đã được người khác sửa sau khi bạn mở.\n{NotSaved}";

        var userIds = saves.Select(s => s.UserId).OfType<int>().Distinct().ToList();
        var fullNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.FullName != "")
            .ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var labels = await FieldLabels.LoadAsync(db, entityType, saves.SelectMany(s => s.Lines), ct);
        string Who(int? userId, string? userName) => userId is { } uid && fullNames.TryGetValue(uid, out var name) ? name : userName ?? "hệ thống";

        var text = new StringBuilder();
        if (saves.Count == 1)
        {
            var (at, userId, userName, lines) = saves[0];
            var changes = labels.Describe(lines);
            text.Append(CultureInfo.InvariantCulture, $"{noun} đã được {Who(userId, userName)} sửa lúc {When(at)} sau khi bạn mở{(changes.Count > 0 ? ":" : ".")}\n");
            Bullets(text, changes);
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{noun} đã được sửa {saves.Count} lần sau khi bạn mở:\n");
            if (saves.Count > MostSaves)
                text.Append(CultureInfo.InvariantCulture, $"({saves.Count - MostSaves} lần sửa đầu không kể ra đây.)\n");
            foreach (var (at, userId, userName, lines) in saves.TakeLast(MostSaves))
            {
                var changes = labels.Describe(lines);
                text.Append(CultureInfo.InvariantCulture, $"{Who(userId, userName)}, lúc {When(at)}{(changes.Count > 0 ? ":" : ".")}\n");
                Bullets(text, changes);
            }
        }
        return text.Append(NotSaved).ToString();
    }

    private static void Bullets(StringBuilder text, IEnumerable<string> changes)
    {
        foreach (var change in changes)
            text.Append("• ").Append(change).Append('\n');
    }

    /// <summary>"10:32 ngày 28/11/2026", Vietnamese time.</summary>
    private static string When(DateTime utc) => $"{VietnamTime.ToLocal(utc).ToString("HH:mm", VietnamTime.Culture)} ngày {VietnamTime.Date(utc)}";
}
