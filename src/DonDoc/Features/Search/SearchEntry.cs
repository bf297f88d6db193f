using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Features.Search;

/// <summary>What a hit is; the order is the order of the groups on the search page.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SearchKind>))]
public enum SearchKind
{
    Plan,
    Task,
    Update,
    Report,
    Document,
    Unit,
}

public static class SearchKinds
{
    public static string Label(this SearchKind kind) => kind switch
    {
        SearchKind.Plan => "Kế hoạch",
        SearchKind.Task => "Nhiệm vụ",
        SearchKind.Update => "Cập nhật tiến độ",
        SearchKind.Report => "Báo cáo",
        SearchKind.Document => "Văn bản",
        SearchKind.Unit => "Đơn vị",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One searchable record: its display text and the folded words of it (<see cref="Rules.SearchText.Key"/>) that
/// the database's own index covers (FTS5 on SQLite, trigrams on PostgreSQL, both created in the Search migration).
/// Kept in step with the records by <see cref="SearchIndexInterceptor"/>; who may see a hit is decided when searching.
/// </summary>
public sealed class SearchEntry
{
    public const int MaxTitleLength = 1000;

    /// <summary>The most of a record's text that is indexed; a report's sections can run to 200,000 characters each.</summary>
    public const int MaxBodyLength = 50_000;

    public int Id { get; set; }
    public SearchKind Kind { get; set; }
    public int EntityId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string TitleKey { get; set; } = "";
    public string Key { get; set; } = "";
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Title).HasMaxLength(SearchEntry.MaxTitleLength);
        b.Property(e => e.TitleKey).HasMaxLength(SearchEntry.MaxTitleLength + 2);
        // The record's id leads: with the kind first, SQLite (no statistics) would walk every entry of a kind and
        // probe the full-text matches, instead of looking up the few matches by rowid.
        b.HasIndex(e => new { e.EntityId, e.Kind }).IsUnique();
    }
}
