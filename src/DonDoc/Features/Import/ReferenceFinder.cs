using System.Text.RegularExpressions;
using DonDoc.Features.Plans;

namespace DonDoc.Features.Import;

/// <summary>
/// Finds the numbered documents a plan cites: "Nghị quyết số 30/NQ-CP ngày 11/3/2022 của Chính phủ",
/// "Luật Dữ liệu số 60/2024/QH15", "Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW ngày 25/10/2017" (the
/// date after the second belongs to both). One entry per document: the same symbol is one document unless
/// two different dates say otherwise.
/// </summary>
public sealed partial class ReferenceFinder
{
    private const string KindPattern =
        "Nghị quyết|Nghị Quyết|Kết luận|Kế hoạch hành động|Kế hoạch|Quyết định|Chỉ thị|Quy định|Quy chế|Nghị định|" +
        "Thông tư liên tịch|Thông tư|Bộ luật|Luật|Pháp lệnh|Chương trình hành động|Chương trình|Công văn|Văn bản|Thông báo|" +
        "Hướng dẫn|Đề án|Tờ trình|Báo cáo|Công điện|Thông tri";

    // Number, an optional year, then code parts ("30/NQ-CP", "21-KL/TW", "59/2019/NĐ-CP", "66.2/2025/NQ-CP",
    // "144/2021/NĐ- CP" with a stray space from a PDF). A code part has a capital; "TTg" keeps its small letters.
    private const string SymbolPattern =
        @"(?<symbol>\d{1,5}(?:\.\d{1,2})?(?:/\d{4})?(?:\s?[/-]\s?(?=[\p{Lu}\d]*\p{Lu})[\p{L}\d&]+){1,4})";

    // Laws are cited by name before their number ("Luật Dữ liệu số 60/2024/QH15"); other kinds by number.
    [GeneratedRegex(@"\b(?<kind>Bộ luật|Luật|Pháp lệnh)(?:\s+(?!số\b|(?:Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch)\b)[\p{L}\d,()\-]+){1,12}?\s+số\s+" + SymbolPattern
        + @"|\b(?<kind>" + KindPattern + @"|văn bản|công văn|tờ trình)\s+(?:số\s+)?" + SymbolPattern)]
    private static partial Regex CitationRegex();

    [GeneratedRegex(@"^\s*(?:,\s*)?(?:và|,)\s+(?:số\s+)?" + SymbolPattern)]
    private static partial Regex BareFollowerRegex();

    [GeneratedRegex(@"^\s*,?\s*của\s+(?<issuer>(?:(?!(?i:về|ban hành|thực hiện|quy định|phê duyệt|hướng dẫn|tiếp tục|triển khai|khóa|khoá|nhằm|để|gắn|đã|tại|theo|trong|cho|với|và|đối với|là|được|sau đây|trên|nghị định|sửa đổi|số|đến|giai đoạn|năm|ngày)\b)[\p{L}\d&\-]+\s*){1,12})")]
    private static partial Regex IssuerRegex();

    private readonly Dictionary<string, List<Entry>> _bySymbol = new(StringComparer.Ordinal);
    private readonly List<Entry> _order = [];

    private sealed class Entry(string kind, string symbol, string asWritten)
    {
        public string Kind { get; } = kind;
        public string Symbol { get; } = symbol;
        public string AsWritten { get; set; } = asWritten;
        public DateOnly? Date { get; set; }
        public string? Issuer { get; set; }
        public List<string> Paths { get; } = [];
    }

    /// <summary>Reads one piece of text located at <paramref name="path"/>.</summary>
    public void Scan(string text, string path)
    {
        var found = new List<(Entry Entry, int End, bool HasDate)>();
        foreach (Match m in CitationRegex().Matches(text))
        {
            var kind = Canonical(m.Groups["kind"].Value);
            var symbol = m.Groups["symbol"].Value;
            var (entry, end, dated) = Read(text, kind, symbol, m.Index, m.Index + m.Length, path);
            found.Add((entry, end, dated));
            // "văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT": the second symbol shares the kind.
            var rest = text[end..];
            while (BareFollowerRegex().Match(rest) is { Success: true } follower)
            {
                var start = end + follower.Groups["symbol"].Index;
                var (next, nextEnd, nextDated) = Read(text, kind, follower.Groups["symbol"].Value, start, start + follower.Groups["symbol"].Length, path);
                found.Add((next, nextEnd, nextDated));
                end = nextEnd;
                rest = text[end..];
            }
        }
        // "Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW ngày 25/10/2017": a date shared by a pair.
        for (var i = 0; i + 1 < found.Count; i++)
        {
            var (entry, end, dated) = found[i];
            var next = found[i + 1];
            if (dated || !next.HasDate || entry.Date is not null)
                continue;
            var between = text[end..Math.Max(end, text.IndexOf(next.Entry.Symbol, end, StringComparison.Ordinal))];
            if (VietnameseText.Key(between).StartsWith("va ", StringComparison.Ordinal) && between.Length < 40)
            {
                entry.Date = next.Entry.Date;
                entry.Issuer ??= next.Entry.Issuer;
            }
        }
    }

    private (Entry Entry, int End, bool HasDate) Read(string text, string kind, string symbolText, int start, int end, string path)
    {
        var symbol = string.Concat(symbolText.Where(c => !char.IsWhiteSpace(c)));
        var (date, dateLength) = Dates.Leading(text[end..]);
        var after = end + dateLength;
        string? issuer = null;
        if (IssuerRegex().Match(text[after..]) is { Success: true } of)
        {
            issuer = of.Groups["issuer"].Value.Trim().TrimEnd('.', ',');
            if (issuer.Length > 0 && char.IsUpper(issuer[0]))
                after += of.Length;
            else
                issuer = null;
        }
        var entry = Find(kind, symbol, date, text[start..after].Trim());
        entry.Date ??= date;
        entry.Issuer ??= issuer;
        if (!entry.Paths.Contains(path))
            entry.Paths.Add(path);
        return (entry, after, date is not null);
    }

    private Entry Find(string kind, string symbol, DateOnly? date, string asWritten)
    {
        var key = LegalDocument.KeyOf(symbol);
        if (!_bySymbol.TryGetValue(key, out var entries))
            _bySymbol[key] = entries = [];
        var entry = entries.FirstOrDefault(e => date is null || e.Date is null || e.Date == date);
        if (entry is null)
        {
            entry = new Entry(kind, symbol, asWritten);
            entries.Add(entry);
            _order.Add(entry);
        }
        else if (date is not null && entry.Date is null)
            entry.AsWritten = asWritten;
        return entry;
    }

    public IReadOnlyList<ImportedReference> Results() =>
        _order.Select(e => new ImportedReference(e.Kind, e.Symbol, e.Date, e.Issuer, e.AsWritten, e.Paths)).ToList();

    private static string Canonical(string kind) => kind switch
    {
        "Nghị Quyết" => "Nghị quyết",
        "văn bản" => "Văn bản",
        "công văn" => "Công văn",
        "tờ trình" => "Tờ trình",
        _ => kind,
    };
}
