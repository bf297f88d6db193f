using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

/// <summary>A message in a task's thread; a leader's direction (ý kiến chỉ đạo) is marked as such.</summary>
public sealed class TaskComment : IAudited
{
    public int Id { get; set; }
    public int NodeId { get; set; }
    public PlanNode? Node { get; set; }
    public int AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public int AuthorUnitId { get; set; }
    public DateTime PostedAt { get; set; }
    public string Text { get; set; } = "";
    public bool IsDirection { get; set; }
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.Text).HasMaxLength(10_000);
        b.HasOne(c => c.Node).WithMany().HasForeignKey(c => c.NodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.NodeId, c.PostedAt });
    }
}
