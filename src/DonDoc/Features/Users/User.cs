using DonDoc.Data;
using DonDoc.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Users;

/// <summary>A person who signs in. Every user belongs to a unit, which bounds what a unit-scoped role sees.</summary>
public sealed class User : IdentityUser<int>, IAudited
{
    public string FullName { get; set; } = "";

    /// <summary>Chức vụ, e.g. "Chuyên viên", "Giám đốc".</summary>
    public string? Position { get; set; }

    public int UnitId { get; set; }
    public Unit? Unit { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

public sealed class Role : IdentityRole<int>
{
    public Role() { }
    public Role(string name) : base(name) { }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.Property(u => u.Position).HasMaxLength(200);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
