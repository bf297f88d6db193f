using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

/// <summary>
/// A numbered item of a plan as the document numbers it (I, II; 1, 2; a, b, … đ; bullets). Any node can be a
/// task (nhiệm vụ): it then has an expected output, a schedule and assignments.
/// </summary>
public sealed class PlanNode : IAudited, IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? ParentId { get; set; }
    public PlanNode? Parent { get; set; }

    /// <summary>The label as written without punctuation: "II", "3", "đ", "-" for a bullet.</summary>
    public string Label { get; set; } = "";

    /// <summary>Labels from the root joined by dots, bullets numbered in order: "II.3.a", "III.2.-1".</summary>
    public string Path { get; set; } = "";

    public string? Heading { get; set; }
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }

    public bool IsTask { get; set; }

    /// <summary>Sản phẩm: báo cáo, đề án, quyết định, văn bản …</summary>
    public string? ExpectedOutput { get; set; }

    public ScheduleKind? ScheduleKind { get; set; }
    public DateOnly? DueDate { get; set; }
    public int ScheduleDay { get; set; }
    public int ScheduleMonth { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }

    /// <summary>The deadline as the document words it ("Định kỳ trước ngày 05/12 hàng năm").</summary>
    public string? SchedulePhrase { get; set; }

    public List<Assignment> Assignments { get; set; } = [];
    public long Version { get; set; }

    public Schedule? Schedule
    {
        get => ScheduleKind is { } kind ? new Schedule(kind, DueDate, ScheduleDay, ScheduleMonth, FirstYear, LastYear) : null;
        set
        {
            ScheduleKind = value?.Kind;
            DueDate = value?.DueDate;
            ScheduleDay = value?.Day ?? 0;
            ScheduleMonth = value?.Month ?? 0;
            FirstYear = value?.FirstYear;
            LastYear = value?.LastYear;
        }
    }
}

internal sealed class PlanNodeConfiguration : IEntityTypeConfiguration<PlanNode>
{
    public void Configure(EntityTypeBuilder<PlanNode> b)
    {
        b.Ignore(n => n.Schedule);
        b.Property(n => n.Label).HasMaxLength(20);
        b.Property(n => n.Path).HasMaxLength(200);
        b.Property(n => n.Heading).HasMaxLength(1000);
        b.Property(n => n.ExpectedOutput).HasMaxLength(500);
        b.Property(n => n.SchedulePhrase).HasMaxLength(500);
        b.Property(n => n.ScheduleKind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(n => n.Parent).WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.PlanId, n.Path });
    }
}
