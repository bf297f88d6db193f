using DonDoc.Data;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Reports;

/// <summary>
/// One unit's report for one period: sections of sanitised rich text and indicator values, moving from draft
/// through the unit head's approval to the coordinator's acceptance or return. Every submission is kept.
/// </summary>
public sealed class UnitReport : IAudited, IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportPeriod? Period { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public ReportState State { get; set; }

    /// <summary>The first submission's date decides lateness; resubmissions after a return do not reset it.</summary>
    public DateOnly? FirstSubmittedOn { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>The unit head in whose name the report went (thủ trưởng đơn vị).</summary>
    public string? SubmittedInNameOf { get; set; }
    public string? ReturnReason { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }

    public List<UnitReportSection> Sections { get; set; } = [];
    public List<UnitReportValue> Values { get; set; } = [];
    public long Version { get; set; }
}

public sealed class UnitReportSection : IVersionedPart
{
    public int ReportId { get; set; }
    public int SectionId { get; set; }
    public string Html { get; set; } = "";

    Type IVersionedPart.OwnerType => typeof(UnitReport);
    int IVersionedPart.OwnerId => ReportId;
    string IVersionedPart.PartName => $"Sections[{SectionId}]";
    object? IVersionedPart.PartValue => Html;
}

public sealed class UnitReportValue : IVersionedPart
{
    public int ReportId { get; set; }
    public int IndicatorId { get; set; }
    public decimal? Value { get; set; }

    /// <summary>Ước thực hiện: an estimate to the end of the period.</summary>
    public bool IsEstimate { get; set; }

    Type IVersionedPart.OwnerType => typeof(UnitReport);
    int IVersionedPart.OwnerId => ReportId;
    string IVersionedPart.PartName => $"Values[{IndicatorId}]";
    object? IVersionedPart.PartValue => Value;
}

/// <summary>A snapshot of what was sent, for the history and the diff between submissions.</summary>
public sealed class ReportSubmission
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string SubmittedByName { get; set; } = "";
    public string SubmittedInNameOf { get; set; } = "";

    /// <summary>The sections, values and attached files as sent, JSON (<see cref="ReportSnapshot"/>).</summary>
    public string Snapshot { get; set; } = "";
}

public sealed record ReportSnapshot(Dictionary<int, string> Sections, Dictionary<int, IndicatorValue> Values, List<AttachedFile>? Files = null);

internal sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> b)
    {
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.SubmittedInNameOf).HasMaxLength(200);
        b.Property(r => r.ReturnReason).HasMaxLength(4000);
        b.Property(r => r.ReviewedByName).HasMaxLength(200);
        b.HasOne(r => r.Period).WithMany(p => p.Reports).HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.PeriodId, r.UnitId }).IsUnique();
        b.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitReportSectionConfiguration : IEntityTypeConfiguration<UnitReportSection>
{
    public void Configure(EntityTypeBuilder<UnitReportSection> b)
    {
        b.HasKey(s => new { s.ReportId, s.SectionId });
        b.Property(s => s.Html).HasMaxLength(200_000);
    }
}

internal sealed class UnitReportValueConfiguration : IEntityTypeConfiguration<UnitReportValue>
{
    public void Configure(EntityTypeBuilder<UnitReportValue> b)
    {
        b.HasKey(v => new { v.ReportId, v.IndicatorId });
        b.Property(v => v.Value).HasPrecision(18, 4);
    }
}

internal sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<ReportSubmission>
{
    public void Configure(EntityTypeBuilder<ReportSubmission> b)
    {
        b.Property(s => s.SubmittedByName).HasMaxLength(200);
        b.Property(s => s.SubmittedInNameOf).HasMaxLength(200);
        b.HasOne<UnitReport>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ReportId, s.SubmittedAt });
    }
}
