using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Plans;

/// <summary>
/// A document that plans cite or implement (văn bản): "Nghị quyết số 30/NQ-CP ngày 11/3/2022 của Chính phủ".
/// The same document cited twice is one record: it is matched on its symbol, and its date where given.
/// </summary>
public sealed class LegalDocument : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>Nghị quyết, Kết luận, Kế hoạch, Quyết định, Chỉ thị, Quy định, Nghị định, Thông tư, Luật, Chương trình, Công văn, ...</summary>
    public string Kind { get; set; } = "";

    /// <summary>Number and symbol as written: 30/NQ-CP, 21-KL/TW, 59/2019/NĐ-CP.</summary>
    public string Symbol { get; set; } = "";

    /// <summary>The symbol upper-cased without spaces, the key of "the same document".</summary>
    public string SymbolKey { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }
    public string? Issuer { get; set; }
    public string? Summary { get; set; }
    public int? FileId { get; set; }
    public long Version { get; set; }

    public static string KeyOf(string symbol) =>
        string.Concat(symbol.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}

internal sealed class LegalDocumentConfiguration : IEntityTypeConfiguration<LegalDocument>
{
    public void Configure(EntityTypeBuilder<LegalDocument> b)
    {
        b.Property(d => d.Kind).HasMaxLength(60);
        b.Property(d => d.Symbol).HasMaxLength(80);
        b.Property(d => d.SymbolKey).HasMaxLength(80);
        b.Property(d => d.Issuer).HasMaxLength(300);
        b.Property(d => d.Summary).HasMaxLength(2000);
        b.HasIndex(d => new { d.SymbolKey, d.IssuedOn });
    }
}
