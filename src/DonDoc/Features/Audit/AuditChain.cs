using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Audit;

/// <summary>
/// Links every audit entry to the one before it: each carries the previous entry's hash and its own, an HMAC over
/// the previous hash and its contents. The key lives with the server's keys, not in the database, so someone who
/// can only write to the database can edit or delete an entry but cannot forge the hashes that hide it.
/// </summary>
public sealed class AuditChain(byte[] key)
{
    // Any constant: it names the lock that queues writers of the log on PostgreSQL.
    private const long LockId = 0x446F6E446F63;

    public static AuditChain FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
        }
        return new AuditChain(File.ReadAllBytes(path));
    }

    /// <summary>
    /// Adds the entries at the end of the chain. Called inside the transaction of the change being logged: on
    /// SQLite that transaction already holds the single write lock, on PostgreSQL an advisory lock queues writers,
    /// so two saves never link to the same last entry.
    /// </summary>
    public async Task AppendAsync(DonDocDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockId})", ct);
        var previous = await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct);
        foreach (var entry in entries)
        {
            previous = Link(entry, previous);
            db.AuditEntries.Add(entry);
        }
    }

    /// <summary>Makes <paramref name="entry"/> follow the entry whose hash is <paramref name="previous"/>; returns its own hash.</summary>
    public string Link(AuditEntry entry, string? previous)
    {
        // The database keeps microseconds at best; the hash must cover the time as it will be read back.
        entry.At = new DateTime(entry.At.Ticks - entry.At.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        entry.PreviousHash = previous;
        return entry.Hash = HashOf(entry);
    }

    /// <summary>Walks the whole log in order; the first entry whose link or contents do not match is reported.</summary>
    public async Task<ChainCheck> VerifyAsync(DonDocDbContext db, CancellationToken ct = default)
    {
        string? previous = null;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem = entry.Hash is null ? "không có mã băm (bị xóa mã hoặc ghi ngoài ứng dụng)"
                : entry.PreviousHash != previous ? "không nối với dòng trước nó (dòng trước đã bị xóa, chèn hoặc sửa)"
                : entry.Hash != HashOf(entry) ? "nội dung không khớp mã băm (đã bị sửa)"
                : null;
            if (problem is not null)
                return new ChainCheck(false, count, entry.Id, $"Nhật ký bị can thiệp tại dòng số {entry.Id}: {problem}.");
            previous = entry.Hash;
            count++;
        }
        return new ChainCheck(true, count, null, $"Chuỗi nhật ký nguyên vẹn: {count:N0} dòng đã kiểm tra.");
    }

    /// <summary>
    /// Links entries written before the log was chained, once, when the change that adds the chain lands. Written
    /// statement by statement: the app itself refuses to change a log entry it tracks.
    /// </summary>
    public async Task SealUnchainedAsync(DonDocDbContext db, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string? previous = null;
        foreach (var entry in await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
        {
            entry.PreviousHash = previous;
            var hash = previous = HashOf(entry);
            await db.AuditEntries.Where(a => a.Id == entry.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.PreviousHash, entry.PreviousHash).SetProperty(a => a.Hash, hash), ct);
        }
        await tx.CommitAsync(ct);
    }

    private string HashOf(AuditEntry e)
    {
        var contents = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            e.PreviousHash, e.At.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), e.UserId, e.UserName,
            e.Action.ToString(), e.EntityType, e.EntityId, e.Changes,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, contents));
    }
}

/// <param name="BrokenAt">The id of the first entry that fails, when one does.</param>
public sealed record ChainCheck(bool Holds, long Checked, long? BrokenAt, string Message);
