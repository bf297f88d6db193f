using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Urging;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UrgingKind>))]
public enum UrgingKind
{
    Tasks,    // nhiệm vụ quá hạn
    Reports,  // báo cáo chưa gửi của một kỳ
}

/// <summary>
/// A văn bản đôn đốc as it was drawn up: who issued it and in whose name, the wording of its opening and closing,
/// and for each unit the items it listed with their due dates and days late on that day. The .docx is rebuilt
/// from this record, so a re-download is the same letter even after the tasks have moved on.
/// </summary>
public sealed class UrgingLetter : IAudited
{
    public int Id { get; set; }

    /// <summary>Số, ký hiệu when the clerk has given one ("125/SNV-CCHC"); a draft has none and prints a blank.</summary>
    public string? Symbol { get; set; }

    /// <summary>The issuer's abbreviation printed after the blank number of a draft: "SNV", "UBND".</summary>
    public string Abbreviation { get; set; } = "";

    public DateOnly Date { get; set; }
    public UrgingKind Kind { get; set; }

    /// <summary>The "V/v …" line without "V/v".</summary>
    public string Subject { get; set; } = "";

    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? PeriodId { get; set; }
    public ReportPeriod? Period { get; set; }

    /// <summary>The coordinator's unit that drew the letter up (Sở Nội vụ), also when it is issued in the UBND tỉnh's name.</summary>
    public int IssuerUnitId { get; set; }
    public Unit? IssuerUnit { get; set; }

    public bool IssuedAsProvince { get; set; }

    /// <summary>The header's issuer lines as printed, and the agency above them ("UBND tỉnh Nghệ An").</summary>
    public List<string> IssuerLines { get; set; } = [];
    public string? IssuerParent { get; set; }

    /// <summary>"Nghệ An", for the place and date line.</summary>
    public string Place { get; set; } = "";

    public string Opening { get; set; } = "";
    public string Closing { get; set; } = "";
    public DateOnly ReplyBy { get; set; }

    public int? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public List<UrgingLetterUnit> Units { get; set; } = [];
}

/// <summary>A unit the letter is addressed to, with the name it had that day.</summary>
public sealed class UrgingLetterUnit
{
    public int Id { get; set; }
    public int LetterId { get; set; }
    public UrgingLetter? Letter { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string UnitName { get; set; } = "";
    public int SortOrder { get; set; }
    public List<UrgingLetterItem> Items { get; set; } = [];
}

/// <summary>One overdue task (occurrence) or missing report the letter listed for a unit, as it stood that day.</summary>
public sealed class UrgingLetterItem
{
    public int Id { get; set; }
    public int LetterUnitId { get; set; }
    public UrgingLetterUnit? LetterUnit { get; set; }
    public int? OccurrenceId { get; set; }
    public Occurrence? Occurrence { get; set; }
    public int? ReportId { get; set; }
    public UnitReport? Report { get; set; }

    /// <summary>What the table's "Nhiệm vụ" (or "Báo cáo") cell said.</summary>
    public string Text { get; set; } = "";

    public DateOnly? DueDate { get; set; }
    public int? DaysLate { get; set; }
    public int SortOrder { get; set; }
}

internal sealed class UrgingLetterConfiguration : IEntityTypeConfiguration<UrgingLetter>
{
    public void Configure(EntityTypeBuilder<UrgingLetter> b)
    {
        b.Property(l => l.Symbol).HasMaxLength(80);
        b.Property(l => l.Abbreviation).HasMaxLength(40);
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Subject).HasMaxLength(1000);
        b.Property(l => l.IssuerParent).HasMaxLength(300);
        b.Property(l => l.Place).HasMaxLength(100);
        b.Property(l => l.Opening).HasMaxLength(4000);
        b.Property(l => l.Closing).HasMaxLength(4000);
        b.Property(l => l.CreatedByName).HasMaxLength(256);
        // The letter was sent: deleting the plan or period it cited leaves it in the history.
        b.HasOne(l => l.Plan).WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(l => l.Period).WithMany().HasForeignKey(l => l.PeriodId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(l => l.IssuerUnit).WithMany().HasForeignKey(l => l.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Units).WithOne(u => u.Letter).HasForeignKey(u => u.LetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.Date);
    }
}

internal sealed class UrgingLetterUnitConfiguration : IEntityTypeConfiguration<UrgingLetterUnit>
{
    public void Configure(EntityTypeBuilder<UrgingLetterUnit> b)
    {
        b.Property(u => u.UnitName).HasMaxLength(UnitRules.MaxNameLength);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(u => u.Items).WithOne(i => i.LetterUnit).HasForeignKey(i => i.LetterUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => new { u.LetterId, u.UnitId }).IsUnique();
        b.HasIndex(u => u.UnitId);
    }
}

internal sealed class UrgingLetterItemConfiguration : IEntityTypeConfiguration<UrgingLetterItem>
{
    public void Configure(EntityTypeBuilder<UrgingLetterItem> b)
    {
        b.Property(i => i.Text).HasMaxLength(2000);
        b.HasOne(i => i.Occurrence).WithMany().HasForeignKey(i => i.OccurrenceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(i => i.Report).WithMany().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => i.OccurrenceId);
        b.HasIndex(i => i.ReportId);
    }
}
