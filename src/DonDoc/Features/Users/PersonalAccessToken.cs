using System.Security.Cryptography;
using System.Text;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Users;

/// <summary>
/// A token a user creates for scripts and integrations, sent as "Authorization: Bearer ...".
/// Only its SHA-256 is stored: a database leak does not leak usable tokens.
/// </summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "ddk_";

    public int Id { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public string Name { get; set; } = "";
    public TokenScope Scope { get; set; }
    public string Hash { get; set; } = "";

    /// <summary>The first characters of the token, shown so the owner can tell tokens apart.</summary>
    public string Hint { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsUsableAt(DateTime utcNow) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > utcNow);

    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.Property(t => t.Hint).HasMaxLength(16);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
