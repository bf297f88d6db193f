using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Storage;

/// <summary>
/// An uploaded file (evidence, attachments). The bytes live outside the web root under a generated name; the
/// original name is kept only for display and the download's Content-Disposition.
/// </summary>
public sealed class StoredFile
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StorageName { get; set; } = "";
    public int UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>What the file belongs to, e.g. "ProgressUpdate" and its id.</summary>
    public string OwnerType { get; set; } = "";
    public int OwnerId { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StorageName).HasMaxLength(100);
        b.Property(f => f.OwnerType).HasMaxLength(50);
        b.HasIndex(f => new { f.OwnerType, f.OwnerId });
    }
}
