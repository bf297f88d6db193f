using DonDoc.Data;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PlanStatus>))]
public enum PlanStatus
{
    Draft,   // Dự thảo
    Issued,  // Ban hành
    Closed,  // Kết thúc
}

/// <summary>
/// A plan (kế hoạch): its number and symbol, issuer, title, signer, recipients, the documents it implements
/// (căn cứ) and a tree of numbered sections whose nodes may be tasks. A unit's own plan hangs under the province
/// task or plan it concretises.
/// </summary>
public sealed class Plan : IAudited, IVersioned
{
    public const int MaxSymbolLength = 80;
    public const int MaxTitleLength = 2000;
    public const int MaxSignerLength = 200;

    public int Id { get; set; }

    /// <summary>Number and symbol, e.g. 123/KH-UBND; empty while a draft has none.</summary>
    public string? Symbol { get; set; }

    public DateOnly? IssuedOn { get; set; }
    public int IssuingUnitId { get; set; }
    public Unit? IssuingUnit { get; set; }
    public string Title { get; set; } = "";
    public string? Signer { get; set; }

    /// <summary>The signature block's authority and position lines: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".</summary>
    public List<string> SignatureLines { get; set; } = [];

    /// <summary>Nơi nhận, one line each as written.</summary>
    public List<string> Recipients { get; set; } = [];

    public PlanStatus Status { get; set; }

    /// <summary>For a unit's own plan: the province plan it implements, and the task of that plan where it is one task's.</summary>
    public int? ParentPlanId { get; set; }
    public Plan? ParentPlan { get; set; }
    public int? ParentNodeId { get; set; }
    public PlanNode? ParentNode { get; set; }

    public List<PlanNode> Nodes { get; set; } = [];
    public List<PlanBasis> Basis { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A document the plan implements (căn cứ), in the order the plan lists them.</summary>
public sealed class PlanBasis : IVersionedPart
{
    public int PlanId { get; set; }
    public int LegalDocumentId { get; set; }
    public LegalDocument? LegalDocument { get; set; }
    public int SortOrder { get; set; }

    Type IVersionedPart.OwnerType => typeof(Plan);
    int IVersionedPart.OwnerId => PlanId;
    string IVersionedPart.PartName => $"Basis[{LegalDocumentId}]";
    object? IVersionedPart.PartValue => LegalDocumentId;
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Symbol).HasMaxLength(Plan.MaxSymbolLength);
        b.Property(p => p.Title).HasMaxLength(Plan.MaxTitleLength);
        b.Property(p => p.Signer).HasMaxLength(Plan.MaxSignerLength);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.IssuingUnit).WithMany().HasForeignKey(p => p.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ParentPlan).WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ParentNode).WithMany().HasForeignKey(p => p.ParentNodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Nodes).WithOne(n => n.Plan).HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Basis).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.IssuingUnitId);
    }
}

internal sealed class PlanBasisConfiguration : IEntityTypeConfiguration<PlanBasis>
{
    public void Configure(EntityTypeBuilder<PlanBasis> b)
    {
        b.HasKey(x => new { x.PlanId, x.LegalDocumentId });
        b.HasOne(x => x.LegalDocument).WithMany().HasForeignKey(x => x.LegalDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
