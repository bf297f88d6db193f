using Ganss.Xss;

namespace DonDoc.Features.Reports;

/// <summary>
/// Section text comes from a rich-text editor in the browser and goes into other people's pages and into Word
/// documents: only plain formatting survives (paragraphs, emphasis, lists, simple tables).
/// </summary>
public static class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The most a section's text may hold once sanitised (its column's length).</summary>
    public const int MaxLength = 200_000;

    public const string TooLong = "Nội dung một mục dài tối đa 200.000 ký tự; hãy rút gọn hoặc chuyển bớt sang phụ lục.";

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "span" })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.Add("data-source-unit");
        s.AllowedCssProperties.Clear();
        s.AllowedSchemes.Clear();
        return s;
    }
}
