using DonDoc.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Notifications;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotificationChannel>))]
public enum NotificationChannel
{
    InApp,             // chỉ trên DonDoc
    EmailImmediately,  // gửi thư ngay
    DailyDigest,       // thư tổng hợp hằng ngày
}

/// <summary>How one person wants to hear of their notifications. Without a row: <see cref="Default"/>.</summary>
public sealed class NotificationPreference
{
    /// <summary>Urging is what DonDoc is for, so mail goes out unless a person turns it down.</summary>
    public const NotificationChannel Default = NotificationChannel.EmailImmediately;
    public const int DefaultDigestHour = 7;

    public int UserId { get; set; }
    public User? User { get; set; }
    public NotificationChannel Channel { get; set; } = Default;

    /// <summary>Vietnam time, 0–23: when the daily digest goes out.</summary>
    public int DigestHour { get; set; } = DefaultDigestHour;

    public static string Label(NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => "Chỉ thông báo trên DonDoc",
        NotificationChannel.EmailImmediately => "Gửi thư điện tử ngay khi có thông báo",
        NotificationChannel.DailyDigest => "Một thư tổng hợp mỗi ngày",
        _ => channel.ToString(),
    };
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.User).WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.Channel, p.DigestHour });
    }
}
