using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Reports;

/// <summary>
/// A reporting period of a template (kỳ báo cáo): opening it creates one report per obliged unit. The coordinator's
/// consolidated text of each section is kept here.
/// </summary>
public sealed class ReportPeriod : IAudited, IVersioned
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public ReportTemplate? Template { get; set; }

    /// <summary>"2025", "Quý II/2025": the same label as the plan task's occurrence of that period.</summary>
    public string Label { get; set; } = "";
    public DateOnly DataFrom { get; set; }
    public DateOnly DataTo { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime OpenedAt { get; set; }

    /// <summary>Số, ký hiệu given to the province's report when it is issued ("125/BC-UBND"); blank while drafting.</summary>
    public string? ReportSymbol { get; set; }

    public List<ConsolidatedSection> Consolidated { get; set; } = [];
    public List<UnitReport> Reports { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>The province's text of one section, written by the coordinator from the units' contributions.</summary>
public sealed class ConsolidatedSection : IVersionedPart
{
    public int PeriodId { get; set; }
    public int SectionId { get; set; }
    public string Html { get; set; } = "";

    Type IVersionedPart.OwnerType => typeof(ReportPeriod);
    int IVersionedPart.OwnerId => PeriodId;
    string IVersionedPart.PartName => $"Sections[{SectionId}]";
    object? IVersionedPart.PartValue => Html;
}

internal sealed class ReportPeriodConfiguration : IEntityTypeConfiguration<ReportPeriod>
{
    public void Configure(EntityTypeBuilder<ReportPeriod> b)
    {
        b.Property(p => p.Label).HasMaxLength(60);
        b.Property(p => p.ReportSymbol).HasMaxLength(80);
        b.HasOne(p => p.Template).WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.TemplateId, p.Label }).IsUnique();
        b.HasMany(p => p.Consolidated).WithOne().HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsolidatedSectionConfiguration : IEntityTypeConfiguration<ConsolidatedSection>
{
    public void Configure(EntityTypeBuilder<ConsolidatedSection> b)
    {
        b.HasKey(c => new { c.PeriodId, c.SectionId });
        b.Property(c => c.Html).HasMaxLength(200_000);
    }
}
