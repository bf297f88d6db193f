using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Reports;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReportKind>))]
public enum ReportKind
{
    Periodic,   // định kỳ
    Thematic,   // chuyên đề
    AdHoc,      // đột xuất
}

/// <summary>
/// A report template (mẫu báo cáo): what units must report, how often, by when, to whom, with which sections and
/// indicators (the components Nghị định 09/2019 Điều 7 requires of a reporting regime).
/// </summary>
public sealed class ReportTemplate : IAudited, IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public ReportKind Kind { get; set; }
    public ReportFrequency Frequency { get; set; }
    public int CutOffStartDay { get; set; } = 15;
    public int CutOffEndDay { get; set; } = 14;

    /// <summary>Day of the period's last month reports are due, or of <see cref="DueMonth"/> for a yearly report (05/12).</summary>
    public int DueDay { get; set; }
    public int? DueMonth { get; set; }

    /// <summary>Who receives and consolidates (Sở Nội vụ for the seed), on behalf of whom (UBND tỉnh).</summary>
    public int RecipientUnitId { get; set; }
    public Unit? RecipientUnit { get; set; }

    /// <summary>The plan the template reports on, and the task whose occurrences these reports are (the seed's III.1).</summary>
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? TaskNodeId { get; set; }

    /// <summary>"Các sở, ban, ngành; UBND các xã" when the obliged units were chosen as groups.</summary>
    public string? ObligedGroup { get; set; }

    public List<ReportObligation> Obligations { get; set; } = [];
    public List<TemplateSection> Sections { get; set; } = [];
    public List<TemplateIndicator> Indicators { get; set; } = [];
    public long Version { get; set; }

    public CutOffRule CutOff => new(CutOffStartDay, CutOffEndDay);
}

/// <summary>A unit that must report under a template (đối tượng thực hiện báo cáo).</summary>
public sealed class ReportObligation : IVersionedPart
{
    public int TemplateId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }

    Type IVersionedPart.OwnerType => typeof(ReportTemplate);
    int IVersionedPart.OwnerId => TemplateId;
    string IVersionedPart.PartName => $"ObligedUnits[{UnitId}]";
    object? IVersionedPart.PartValue => UnitId;
}

/// <summary>A section of the outline (đề cương) with guidance; optionally about a task of the plan ("Kết quả thực hiện nhiệm vụ II.3").</summary>
public sealed class TemplateSection : IVersionedPart
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public int SortOrder { get; set; }
    public string Title { get; set; } = "";
    public string? Guidance { get; set; }
    public int? NodeId { get; set; }

    Type IVersionedPart.OwnerType => typeof(ReportTemplate);
    int IVersionedPart.OwnerId => TemplateId;
    // Sections are edited by their place in the outline; their own ids are not known yet when one is added.
    string IVersionedPart.PartName => $"Outline[{SortOrder + 1}]";
    object? IVersionedPart.PartValue => Title;
}

/// <summary>A figure every unit gives (chỉ tiêu), with its unit of measure, validation and how the province totals it.</summary>
public sealed class TemplateIndicator : IVersionedPart
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    public int SortOrder { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Measure { get; set; }   // đơn vị tính
    public IndicatorType Type { get; set; }
    public Aggregation Aggregation { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public bool Required { get; set; }

    public IndicatorRule Rule => new(Name, Type, Min, Max, Required);

    Type IVersionedPart.OwnerType => typeof(ReportTemplate);
    int IVersionedPart.OwnerId => TemplateId;
    string IVersionedPart.PartName => $"Indicators[{Code}]";
    object? IVersionedPart.PartValue => Name;
}

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(500);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.ObligedGroup).HasMaxLength(500);
        b.Ignore(t => t.CutOff);
        b.HasOne(t => t.RecipientUnit).WithMany().HasForeignKey(t => t.RecipientUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(t => t.Obligations).WithOne().HasForeignKey(o => o.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Sections).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Indicators).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportObligationConfiguration : IEntityTypeConfiguration<ReportObligation>
{
    public void Configure(EntityTypeBuilder<ReportObligation> b)
    {
        b.HasKey(o => new { o.TemplateId, o.UnitId });
        b.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TemplateSectionConfiguration : IEntityTypeConfiguration<TemplateSection>
{
    public void Configure(EntityTypeBuilder<TemplateSection> b)
    {
        b.Property(s => s.Title).HasMaxLength(500);
        b.Property(s => s.Guidance).HasMaxLength(4000);
    }
}

internal sealed class TemplateIndicatorConfiguration : IEntityTypeConfiguration<TemplateIndicator>
{
    public void Configure(EntityTypeBuilder<TemplateIndicator> b)
    {
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(500);
        b.Property(i => i.Measure).HasMaxLength(60);
        b.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Min).HasPrecision(18, 4);
        b.Property(i => i.Max).HasPrecision(18, 4);
        b.Ignore(i => i.Rule);
    }
}
