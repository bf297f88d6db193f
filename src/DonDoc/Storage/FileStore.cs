using System.Security.Cryptography;
using DonDoc.Data;

namespace DonDoc.Storage;

/// <summary>
/// Keeps uploaded files outside the web root under generated names. A file's type is decided by its first bytes,
/// not by its name or the browser's claim, and only document and image types are taken.
/// </summary>
public sealed class FileStore(DonDocDbContext db, IConfiguration config, IWebHostEnvironment env, TimeProvider clock)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public long MaxBytes => MaxBytesOf(config);

    public static long MaxBytesOf(IConfiguration config) => config.GetValue("Uploads:MaxBytes", DefaultMaxBytes);

    private string Root => RootOf(config, env.ContentRootPath);

    /// <summary>Outside the web root: uploads are only ever served through an endpoint that checks who asks.</summary>
    public static string RootOf(IConfiguration config, string contentRoot) =>
        Path.GetFullPath(config["Uploads:Path"] ?? Path.Combine("data", "files"), contentRoot);

    public sealed record Upload(string FileName, Stream Content, long Length);

    /// <summary>Checks and stores the files; nothing is stored when any of them is refused.</summary>
    public async Task<SaveResult<List<StoredFile>>> SaveAsync(IReadOnlyList<Upload> uploads, int uploadedById, string ownerType, int ownerId, CancellationToken ct = default)
    {
        var buffered = new List<(Upload Upload, byte[] Bytes, string Type)>();
        foreach (var u in uploads)
        {
            if (u.Length > MaxBytes)
                return SaveResult<List<StoredFile>>.Fail("files", $"Tệp '{u.FileName}' lớn hơn {MaxBytes / 1024 / 1024} MB.");
            using var memory = new MemoryStream();
            await u.Content.CopyToAsync(memory, ct);
            if (memory.Length > MaxBytes)
                return SaveResult<List<StoredFile>>.Fail("files", $"Tệp '{u.FileName}' lớn hơn {MaxBytes / 1024 / 1024} MB.");
            var bytes = memory.ToArray();
            if (bytes.Length == 0)
                return SaveResult<List<StoredFile>>.Fail("files", $"Tệp '{u.FileName}' rỗng.");
            if (FileTypes.Sniff(bytes) is not { } type)
                return SaveResult<List<StoredFile>>.Fail("files",
                    $"Tệp '{u.FileName}' không thuộc loại được nhận (PDF, Word, Excel, ảnh PNG/JPEG, văn bản).");
            buffered.Add((u, bytes, type));
        }
        var stored = new List<StoredFile>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (u, bytes, type) in buffered)
        {
            var storageName = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
            var path = Path.Combine(Root, storageName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, ct);
            var file = new StoredFile
            {
                FileName = SafeName(u.FileName),
                ContentType = type,
                Size = bytes.Length,
                Sha256 = Convert.ToHexString(SHA256.HashData(bytes)),
                StorageName = storageName,
                UploadedById = uploadedById,
                UploadedAt = now,
                OwnerType = ownerType,
                OwnerId = ownerId,
            };
            db.StoredFiles.Add(file);
            stored.Add(file);
        }
        return SaveResult<List<StoredFile>>.Success(stored);
    }

    public Stream Open(StoredFile file) => File.OpenRead(Path.Combine(Root, file.StorageName));

    /// <summary>
    /// Only the last path segment, without control characters, at most 200 characters (the end, which holds the
    /// extension): "../../etc/passwd" becomes "passwd".
    /// </summary>
    public static string SafeName(string name)
    {
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray());
        // Cut before trimming, so the cut leaves no leading space; never between the halves of a surrogate pair.
        var end = clean.Length <= 200 ? clean : clean[(char.IsLowSurrogate(clean[^200]) ? ^199 : ^200)..];
        var trimmed = end.Trim();
        return trimmed.Length == 0 || trimmed is "." or ".." ? "tep-dinh-kem" : trimmed;
    }
}

/// <summary>Recognises the accepted file types by their signatures.</summary>
public static class FileTypes
{
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8)) return "application/pdf";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (b.StartsWith("PK\x03\x04"u8)) return OfficeZipType(b);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return "application/msword";
        return IsText(b) ? "text/plain; charset=utf-8" : null;
    }

    private static string OfficeZipType(ReadOnlySpan<byte> b)
    {
        var head = System.Text.Encoding.ASCII.GetString(b[..Math.Min(b.Length, 4096)]);
        return head.Contains("word/", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : head.Contains("xl/", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "application/zip";
    }

    private static bool IsText(ReadOnlySpan<byte> b)
    {
        var sample = b[..Math.Min(b.Length, 8192)];
        if (sample.Contains((byte)0))
            return false;
        try
        {
            _ = new System.Text.UTF8Encoding(false, true).GetString(sample.Length == b.Length ? sample : TrimPartial(sample));
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    // A sample cut mid-character would fail UTF-8 validation for no fault of the file.
    private static ReadOnlySpan<byte> TrimPartial(ReadOnlySpan<byte> s)
    {
        var end = s.Length;
        while (end > 0 && end > s.Length - 4 && (s[end - 1] & 0xC0) == 0x80) end--;
        return end > 0 && s[end - 1] >= 0xC0 ? s[..(end - 1)] : s[..end];
    }
}
