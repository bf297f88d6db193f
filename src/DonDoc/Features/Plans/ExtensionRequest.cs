using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ExtensionDecision>))]
public enum ExtensionDecision { Pending, Approved, Rejected }

/// <summary>A lead unit's request for a later deadline (gia hạn), and the coordinator's decision on it.</summary>
public sealed class ExtensionRequest : IAudited
{
    public int Id { get; set; }
    public int OccurrenceId { get; set; }
    public Occurrence? Occurrence { get; set; }
    public int RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly ProposedDueDate { get; set; }

    public ExtensionDecision Decision { get; set; }
    public int? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateOnly? PreviousDueDate { get; set; }
    public DateOnly? ApprovedDueDate { get; set; }
    public string? DecisionNote { get; set; }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.Property(e => e.RequestedByName).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(4000);
        b.Property(e => e.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.DecidedByName).HasMaxLength(200);
        b.Property(e => e.DecisionNote).HasMaxLength(4000);
        b.HasOne(e => e.Occurrence).WithMany().HasForeignKey(e => e.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.OccurrenceId, e.Decision });
    }
}
