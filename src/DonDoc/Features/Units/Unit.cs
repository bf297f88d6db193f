using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Units;

/// <summary>An organisational unit (đơn vị): the UBND tỉnh, a provincial agency, a district or a commune.</summary>
public sealed class Unit : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>Electronic identifier (mã định danh điện tử, QĐ 20/2020/QĐ-TTg), e.g. 000.00.00.H41; unique.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
    public string? ShortName { get; set; }

    /// <summary>Other names documents use for the unit ("SNV", "Sở TN&amp;MT"), for matching plan text.</summary>
    public List<string> Aliases { get; set; } = [];

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }

    /// <summary>Ids from the root down to this unit, "/1/7/", so a subtree is one indexed prefix query.</summary>
    public string Path { get; set; } = "/";

    public DateOnly? ValidFrom { get; set; }

    /// <summary>Last day the unit existed; a merged or dissolved unit keeps its history under its old name.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>The unit that took over this unit's duties when it was merged or dissolved.</summary>
    public int? SuccessorId { get; set; }
    public Unit? Successor { get; set; }

    public int SortOrder { get; set; }
    public long Version { get; set; }

    public bool IsActiveOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Code).HasMaxLength(UnitRules.MaxCodeLength);
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(UnitRules.MaxNameLength);
        b.Property(u => u.ShortName).HasMaxLength(UnitRules.MaxShortNameLength);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.Path).HasMaxLength(400);
        b.HasIndex(u => u.Path);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Successor).WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
