using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Audit;

/// <summary>
/// One line of the change history (nhật ký): who did what to which record, with old and new values.
/// Rows are only ever inserted, each linked to the one before (<see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>JSON object: property name → {"old": ..., "new": ...}.</summary>
    public string Changes { get; set; } = "{}";

    /// <summary>The hash of the entry before this one (<see cref="AuditChain"/>); null only for the first.</summary>
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    Created, Updated, Deleted,

    // Security events (sự kiện an ninh): not changes to data, but who got in and who tried.
    SignedIn, SignInFailed, LockedOut, TwoFactorFailed, TokenUsed, TokenRefused, ReauthFailed,
}

public static class AuditLabels
{
    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.Created => "Tạo mới",
        AuditAction.Updated => "Cập nhật",
        AuditAction.Deleted => "Xóa",
        AuditAction.SignedIn => "Đăng nhập",
        AuditAction.SignInFailed => "Đăng nhập sai",
        AuditAction.LockedOut => "Khóa tài khoản",
        AuditAction.TwoFactorFailed => "Sai mã xác thực",
        AuditAction.TokenUsed => "Dùng token",
        AuditAction.TokenRefused => "Token bị từ chối",
        AuditAction.ReauthFailed => "Xác nhận lại sai mật khẩu",
        _ => action.ToString(),
    };

    public static string EntityLabel(string entityType) => entityType switch
    {
        "Unit" => "Đơn vị",
        "User" => "Người dùng",
        _ => entityType,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.UserId);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        // Two entries linking to the same predecessor would fork the chain: the database refuses the second.
        b.HasIndex(a => a.PreviousHash).IsUnique();
    }
}
