using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

public sealed record DocumentHeader(string? Issuer, string? Symbol, DateOnly? Date, string? Place);

public sealed record DocumentClosing(IReadOnlyList<string> Recipients, IReadOnlyList<string> SignatureLines, string? Signer,
    string? Position, IReadOnlyList<(string Number, string Text)> Footnotes);

/// <summary>
/// Reads the letterhead (issuer, "Số: 45/KH-UBND", "Nghệ An, ngày 12 tháng 4 năm 2022") and the closing
/// (Nơi nhận, the TM./KT./Q. signature block, footnotes), both of which copying breaks one cell per line.
/// </summary>
public static partial class DocumentMetadata
{
    [GeneratedRegex(@"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG\s+HOÀ\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc|-{3,}")]
    private static partial Regex MottoRegex();

    [GeneratedRegex(@"\bSố\s*:?\s*(\d[\p{L}\p{N}./\-&]*(?:\s*-\s*[\p{Lu}\p{N}]+)*)")]
    private static partial Regex SymbolRegex();

    [GeneratedRegex(@"([\p{L} .]{2,60}?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")]
    private static partial Regex PlaceDateRegex();

    // Where a second body's name starts inside a letterhead ("BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI").
    [GeneratedRegex(@"\s(?=ĐẢNG ĐOÀN|BAN CÁN SỰ|ĐẢNG ỦY|ĐẢNG UỶ)")]
    private static partial Regex SecondBodyRegex();

    [GeneratedRegex(@"(?:^|[;.]\s*)-\s+")]
    private static partial Regex InlineRecipientRegex();

    [GeneratedRegex(@"^\[(\d{1,3})\]\s*")]
    private static partial Regex FootnoteRegex();

    [GeneratedRegex(@"^[\[(]?\s*(đã ký|Đã ký|ĐÃ KÝ|ký|Ký)\s*[\])]?$")]
    private static partial Regex SignedMarkRegex();

    public static DocumentHeader ReadHeader(IEnumerable<string> lines)
    {
        var cells = lines.SelectMany(l => l.Split('\t')).Select(c => c.Trim()).Where(c => c.Length > 0);
        var text = VietnameseText.CollapseSpaces(string.Join(" ", cells));
        if (text.Length == 0)
            return new(null, null, null, null);
        var withoutMotto = MottoRegex().Replace(text, "\n");
        var symbolMatch = SymbolRegex().Match(withoutMotto);
        var letterhead = (symbolMatch.Success ? withoutMotto[..symbolMatch.Index] : withoutMotto)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var issuer = letterhead.Length == 0 ? null : SecondBodyRegex().Split(string.Join(" ", letterhead))[^1].Trim();
        var symbol = symbolMatch.Success ? symbolMatch.Groups[1].Value.Replace(" ", "") : null;
        var rest = symbolMatch.Success ? withoutMotto[(symbolMatch.Index + symbolMatch.Length)..] : withoutMotto;
        DateOnly? date = null;
        string? place = null;
        if (PlaceDateRegex().Match(rest.Replace('\n', ' ')) is { Success: true } m)
        {
            place = m.Groups[1].Value.Trim();
            date = Dates.Make(m.Groups[4].Value, m.Groups[3].Value, m.Groups[2].Value);
        }
        return new(string.IsNullOrWhiteSpace(issuer) ? null : issuer, symbol, date, place);
    }

    public static DocumentClosing ReadClosing(IReadOnlyList<string> lines)
    {
        var recipients = new List<string>();
        var signature = new List<string>();
        var footnotes = new List<(string, string)>();
        string? signer = null;
        var inRecipients = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (FootnoteRegex().Match(line) is { Success: true } note)
            {
                footnotes.Add((note.Groups[1].Value, line[note.Length..].Trim()));
                continue;
            }
            if (footnotes.Count > 0)
            {
                footnotes[^1] = (footnotes[^1].Item1, (footnotes[^1].Item2 + " " + line).Trim());
                continue;
            }
            var cells = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var cell in cells)
            {
                if (DocumentLayout.IsRecipientsLine(cell))
                {
                    inRecipients = true;
                    var after = cell[(cell.IndexOf(':') is >= 0 and var colon ? colon + 1 : "Nơi nhận".Length)..].Trim();
                    AddRecipients(recipients, after, continuation: false);
                    continue;
                }
                if (inRecipients && IsBulleted(cell))
                {
                    AddRecipients(recipients, cell, continuation: false);
                    continue;
                }
                if (DocumentLayout.IsSignatureLine(cell) || VietnameseText.IsUpper(cell) || SignedMarkRegex().IsMatch(cell)
                    || signature.Count > 0 && IsName(cell))
                {
                    inRecipients = false;
                    AddSignature(signature, cell, ref signer);
                    continue;
                }
                if (IsInlineSignature(cell))
                    AddSignature(signature, cell, ref signer);
                else if (inRecipients)
                    AddRecipients(recipients, cell, continuation: !IsBulleted(cell));
                else if (IsName(cell))
                    signer = cell;
            }
        }
        var position = signature.LastOrDefault(s => !DocumentLayout.IsSignatureLine(s) && VietnameseText.IsUpper(s));
        return new(recipients.Select(r => r.TrimEnd(',').Trim()).ToList(), signature, signer, position, footnotes);
    }

    private static bool IsBulleted(string cell) => cell.Length > 0 && cell[0] is '-' or '*' or '+' or '•' or '–';

    private static void AddRecipients(List<string> recipients, string text, bool continuation)
    {
        if (text.Length == 0)
            return;
        if (continuation && recipients.Count > 0)
        {
            recipients[^1] = Clean(recipients[^1] + " " + text);
            return;
        }
        foreach (var item in InlineRecipientRegex().Split(text))
        {
            var r = Clean(item);
            if (r.Length > 0)
                recipients.Add(r);
        }

        // A trailing comma stays until the end: the next line may continue the recipient ("- Các sở, ban," / "ngành").
        static string Clean(string s) => VietnameseText.CollapseSpaces(s.Trim().TrimStart('-', '*', '+', '•', '–').Trim().TrimEnd(';', '.').Trim());
    }

    /// <summary>"CHỦ TỊCH Hoàng Quốc Khánh" in one cell: the capitals are the position, the rest the name.</summary>
    private static bool IsInlineSignature(string cell)
    {
        var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && VietnameseText.IsUpper(words[0]) && IsName(string.Join(" ", words[^Math.Min(3, words.Length - 1)..]));
    }

    private static void AddSignature(List<string> signature, string cell, ref string? signer)
    {
        if (SignedMarkRegex().IsMatch(cell))
            return;
        var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nameStart = words.Length;
        while (nameStart > 0 && !VietnameseText.IsUpper(words[nameStart - 1]) && char.IsUpper(words[nameStart - 1][0]))
            nameStart--;
        if (nameStart < words.Length && words.Length - nameStart >= 2)
        {
            signer = string.Join(" ", words[nameStart..]);
            cell = string.Join(" ", words[..nameStart]);
            if (cell.Length == 0)
                return;
        }
        if (cell.Length == 0)
            return;
        // A capitals line cut mid-name ("TM. ỦY BAN NHÂN" / "DÂN") continues the line before it.
        var continues = signature.Count > 0 && !DocumentLayout.IsSignatureLine(cell)
            && (words.Length <= 1 || signature[^1].Split(' ').Length == 1)
            && !StartsWithPosition(cell);
        if (continues)
            signature[^1] += " " + cell;
        else
            signature.Add(cell);
    }

    private static bool StartsWithPosition(string cell)
    {
        var key = VietnameseText.Key(cell);
        return key.StartsWith("chu tich", StringComparison.Ordinal) || key.StartsWith("pho ", StringComparison.Ordinal)
            || key.StartsWith("bi thu", StringComparison.Ordinal) || key.StartsWith("truong ", StringComparison.Ordinal)
            || key.StartsWith("giam doc", StringComparison.Ordinal) || key.StartsWith("thu tuong", StringComparison.Ordinal);
    }

    /// <summary>A person's name: two to six words, each capitalised and not all capitals.</summary>
    private static bool IsName(string cell)
    {
        var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && words.All(w => char.IsUpper(w[0]) && char.IsLetter(w[0]) && !VietnameseText.IsUpper(w) && w.All(char.IsLetter));
    }
}
