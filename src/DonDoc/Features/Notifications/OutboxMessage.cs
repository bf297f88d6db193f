using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Notifications;

/// <summary>
/// An e-mail waiting to go out. Written in the transaction of the event it tells of, sent by
/// <see cref="OutboxSender"/>, kept after sending as the record of what was sent.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }

    /// <summary>Unique: the same event (or the same day's digest) never queues a second mail to a person.</summary>
    public string DedupKey { get; set; } = "";

    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A sender's lease: while it lies ahead, no other sender takes the message.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int ErrorLength = 1000;

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.LastError).HasMaxLength(ErrorLength);
        b.HasIndex(m => m.DedupKey).IsUnique();
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
