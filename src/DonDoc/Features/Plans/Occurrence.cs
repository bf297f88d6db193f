using DonDoc.Data;
using DonDoc.Features.Plans.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<OccurrenceState>))]
public enum OccurrenceState
{
    Open,            // đang thực hiện
    AwaitingReview,  // đơn vị báo hoàn thành, chờ tiếp nhận
    Completed,       // đã được tiếp nhận là hoàn thành
}

/// <summary>
/// One period of an assignment: the whole of a one-off task, or one year/quarter/month of a recurring one, each
/// with its own due date and status. The status itself is never stored: it follows from the due date, the
/// accepted completion date and today (<see cref="AssignmentStatusRules"/>).
/// </summary>
public sealed class Occurrence : IAudited, IVersioned
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }

    /// <summary>"2025", "Quý II/2025", "Tháng 3/2025".</summary>
    public string Period { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The deadline in force (after approved extensions); null for a standing duty.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>The deadline as first assigned, for on-time rates "without extensions".</summary>
    public DateOnly? OriginalDueDate { get; set; }

    public OccurrenceState State { get; set; }

    /// <summary>The completion date the unit claimed and the coordinator accepted.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>For a standing duty: the period has an accepted report.</summary>
    public bool Reported { get; set; }

    public long Version { get; set; }

    public AssignmentStatus StatusOn(StatusDay day) => StatusOf(DueDate, State, CompletedOn, Reported, day);

    /// <summary>The status from the four stored facts it depends on, for queries that project only those.</summary>
    public static AssignmentStatus StatusOf(DateOnly? dueDate, OccurrenceState state, DateOnly? completedOn, bool reported, StatusDay day) =>
        dueDate is { } due
            ? AssignmentStatusRules.Compute(due, state == OccurrenceState.Completed ? completedOn : null, day)
            : AssignmentStatusRules.ComputeContinuous(reported);
}

internal sealed class OccurrenceConfiguration : IEntityTypeConfiguration<Occurrence>
{
    public void Configure(EntityTypeBuilder<Occurrence> b)
    {
        b.Property(o => o.Period).HasMaxLength(40);
        b.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(o => new { o.AssignmentId, o.Period }).IsUnique();
        b.HasIndex(o => o.DueDate);
    }
}
