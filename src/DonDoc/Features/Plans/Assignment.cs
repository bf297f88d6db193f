using DonDoc.Data;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

/// <summary>
/// A task given to one lead unit (đơn vị chủ trì), with the units that coordinate (đơn vị phối hợp). A task given
/// to a group ("các sở, ban, ngành") has one assignment per member unit, each tracked on its own.
/// </summary>
public sealed class Assignment : IAudited, IVersionedPart
{
    public int Id { get; set; }
    public int NodeId { get; set; }
    public PlanNode? Node { get; set; }

    /// <summary>Denormalised from the node, so lists filter by plan without joining the tree.</summary>
    public int PlanId { get; set; }

    public int LeadUnitId { get; set; }
    public Unit? LeadUnit { get; set; }

    /// <summary>Đơn vị phối hợp.</summary>
    public List<AssignmentSupport> SupportingUnits { get; set; } = [];

    /// <summary>The group wording this assignment came from, e.g. "Các sở, ban, ngành cấp tỉnh".</summary>
    public string? AssignedAsGroup { get; set; }

    /// <summary>The dissolved unit this assignment was passed on from, so its history keeps the old name.</summary>
    public int? TransferredFromUnitId { get; set; }
    public Unit? TransferredFromUnit { get; set; }

    public List<Occurrence> Occurrences { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    // The task's lead units are part of the task: giving it to another unit is editing the task.
    Type IVersionedPart.OwnerType => typeof(PlanNode);
    int IVersionedPart.OwnerId => NodeId;
    string IVersionedPart.PartName => $"LeadUnits[{LeadUnitId}]";
    object? IVersionedPart.PartValue => LeadUnitId;
}

public sealed class AssignmentSupport
{
    public int AssignmentId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.Property(a => a.AssignedAsGroup).HasMaxLength(300);
        b.HasOne(a => a.Node).WithMany(n => n.Assignments).HasForeignKey(a => a.NodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.LeadUnit).WithMany().HasForeignKey(a => a.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.TransferredFromUnit).WithMany().HasForeignKey(a => a.TransferredFromUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.SupportingUnits).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Occurrences).WithOne(o => o.Assignment).HasForeignKey(o => o.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.LeadUnitId);
        b.HasIndex(a => a.PlanId);
    }
}

internal sealed class AssignmentSupportConfiguration : IEntityTypeConfiguration<AssignmentSupport>
{
    public void Configure(EntityTypeBuilder<AssignmentSupport> b)
    {
        b.HasKey(s => new { s.AssignmentId, s.UnitId });
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.UnitId);
    }
}
