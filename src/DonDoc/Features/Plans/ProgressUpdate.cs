using DonDoc.Data;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UpdateReview>))]
public enum UpdateReview
{
    None,      // an ordinary progress note, nothing to review
    Pending,   // claims completion, awaiting the coordinator
    Accepted,  // tiếp nhận
    Returned,  // trả lại, with a reason
}

/// <summary>
/// A progress report on an occurrence by its lead unit (or a coordinating unit's contribution): text, percent
/// where meaningful, and evidence (a document number and date, files). Updates are never edited: history stays.
/// </summary>
public sealed class ProgressUpdate : IAudited
{
    public int Id { get; set; }
    public int OccurrenceId { get; set; }
    public Occurrence? Occurrence { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime PostedAt { get; set; }
    public string Text { get; set; } = "";
    public int? Percent { get; set; }

    /// <summary>Số, ký hiệu of the document that proves the work, e.g. "125/BC-SNV".</summary>
    public string? EvidenceNumber { get; set; }
    public DateOnly? EvidenceDate { get; set; }

    public bool ClaimsCompletion { get; set; }
    public DateOnly? ClaimedCompletedOn { get; set; }

    public UpdateReview Review { get; set; }
    public int? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> b)
    {
        b.Property(u => u.AuthorName).HasMaxLength(200);
        b.Property(u => u.Text).HasMaxLength(20_000);
        b.Property(u => u.EvidenceNumber).HasMaxLength(100);
        b.Property(u => u.Review).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.ReviewedByName).HasMaxLength(200);
        b.Property(u => u.ReviewNote).HasMaxLength(4000);
        b.HasOne(u => u.Occurrence).WithMany().HasForeignKey(u => u.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.OccurrenceId, u.PostedAt });
    }
}
