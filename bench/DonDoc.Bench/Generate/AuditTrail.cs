using System.Text.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;

namespace DonDoc.Bench.Generate;

/// <summary>
/// The change history five years of use leave, written in time order (ids rise with <see cref="AuditEntry.At"/>, as
/// the interceptor writes them), chained with the key the app will use so that verify-audit holds.
/// </summary>
internal static class AuditTrail
{
    private sealed record Kind(string EntityType, AuditAction Action, Func<Random, Dictionary<string, object?>> Changes);

    private static readonly Kind[] Kinds =
    [
        new("Occurrence", AuditAction.Updated, r => Change("State", "Open", r.Next(2) == 0 ? "AwaitingReview" : "Completed")),
        new("ProgressUpdate", AuditAction.Created, r => new() { ["Text"] = Pair(null, VietnameseText.UpdateText(r, r.Next(10, 100))), ["Percent"] = Pair(null, r.Next(10, 100)) }),
        new("ProgressUpdate", AuditAction.Updated, r => Change("Review", "Pending", r.Next(4) == 0 ? "Returned" : "Accepted")),
        new("UnitReport", AuditAction.Updated, r => Change("State", "Draft", "Submitted")),
        new("Occurrence", AuditAction.Updated, r => Change("DueDate", "2025-06-30", $"2025-{r.Next(7, 13):00}-15")),
        new("PlanNode", AuditAction.Updated, r => Change("Text", VietnameseText.TaskText(r), VietnameseText.TaskText(r))),
        new("User", AuditAction.Updated, r => Change("Position", "Chuyên viên", "Chuyên viên chính")),
        new("TaskComment", AuditAction.Created, r => new() { ["Text"] = Pair(null, "Đề nghị đơn vị khẩn trương hoàn thành, báo cáo trước ngày 15.") }),
    ];

    public static async Task<int> AddAsync(DonDocDbContext db, BenchDatabase database, Scale scale, Province province, DateTime now, CancellationToken ct)
    {
        var random = new Random(Generator.Seed + 5);
        var start = now.AddYears(-5);
        var step = (now - start).Ticks / scale.AuditEntries;
        var users = province.NameOf.Keys.ToArray();
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var chain = AuditChain.FromKeyFile(database.AuditKeyPath);
        IEnumerable<AuditEntry> Entries()
        {
            string? previous = null;
            for (var i = 0; i < scale.AuditEntries; i++)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                var user = users[random.Next(users.Length)];
                var entry = new AuditEntry
                {
                    Id = i + 1, At = start.AddTicks(step * i + random.NextInt64(step)), UserId = user, UserName = province.NameOf[user],
                    Action = kind.Action, EntityType = kind.EntityType, EntityId = $"{random.Next(1, 50_000)}",
                    Changes = JsonSerializer.Serialize(kind.Changes(random), options),
                };
                previous = chain.Link(entry, previous);
                yield return entry;
            }
        }
        await BulkTable.WriteAsync(db, database.Provider, Entries(), ct);
        return scale.AuditEntries;
    }

    private static Dictionary<string, object?> Change(string property, object? old, object? @new) => new() { [property] = Pair(old, @new) };

    private static object Pair(object? old, object? @new) => new { old, @new };
}
