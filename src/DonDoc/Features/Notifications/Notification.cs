using DonDoc.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Notifications;

/// <summary>What happened; stored as text so that a new kind (the reminders') needs no migration.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    TaskAssigned,
    UpdateAccepted,
    UpdateReturned,
    ExtensionApproved,
    ExtensionRejected,
    Comment,
    Direction,
    ReportAccepted,
    ReportReturned,
    Reminder,
}

/// <summary>One message in one person's notification centre (the bell), with a link to the item it is about.</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>A path inside DonDoc, e.g. "/nhiem-vu/12".</summary>
    public string Link { get; set; } = "";

    /// <summary>The event this tells of: the same event never reaches the same person twice.</summary>
    public string DedupKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public const int TitleLength = 300;
    public const int TextLength = 2000;

    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(n => n.Title).HasMaxLength(TitleLength);
        b.Property(n => n.Text).HasMaxLength(TextLength);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.DedupKey).HasMaxLength(200);
        b.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
