using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

/// <summary>
/// One document inside the text: the decision or resolution that carries a plan, the plan itself, or an appendix.
/// Lines are indexes into the whole text; the body excludes the kind line, the title and the closing; the first
/// part's header (letterhead, number, date) is the lines before its kind line.
/// </summary>
public sealed record LayoutPart(string? Kind, bool IsAppendix, string? Title, int KindLine, int BodyStart, int BodyEnd, int End);

/// <summary>Splits a plan's text into its parts at the kind lines ("KẾ HOẠCH", "QUYẾT ĐỊNH") and appendices.</summary>
public static partial class DocumentLayout
{
    private static readonly (string Key, string Kind)[] Kinds =
    [
        ("chuong trinh hanh dong", "Chương trình hành động"), ("ke hoach hanh dong", "Kế hoạch hành động"),
        ("ke hoach", "Kế hoạch"), ("quyet dinh", "Quyết định"), ("nghi quyet", "Nghị quyết"), ("chuong trinh", "Chương trình"),
        ("chi thi", "Chỉ thị"), ("de an", "Đề án"), ("thong bao", "Thông báo"), ("huong dan", "Hướng dẫn"), ("ket luan", "Kết luận"),
    ];

    [GeneratedRegex(@"^(TM|T/M|KT|Q|TL|TUQ)[.\s]\s*\p{Lu}")]
    private static partial Regex SignatureRegex();

    public static bool IsSignatureLine(string line) => SignatureRegex().IsMatch(line.Trim());

    public static bool IsRecipientsLine(string line)
    {
        var t = line.TrimStart();
        return t.Length >= 8 && t[0] is 'N' or 'n' && VietnameseText.Key(t[..Math.Min(t.Length, 12)]).StartsWith("noi nhan", StringComparison.Ordinal);
    }

    /// <summary>The canonical kind when the line is a kind line: capitals, alone, no colon ("QUYẾT ĐỊNH:" opens articles).</summary>
    public static string? KindOf(string line)
    {
        var t = line.Trim();
        if (t.Length is 0 or > 60 || t.Contains(':') || !VietnameseText.IsUpper(t))
            return null;
        var key = VietnameseText.Key(t);
        foreach (var (k, kind) in Kinds)
        {
            if (key == k || k.StartsWith("chuong trinh hanh dong", StringComparison.Ordinal) && key.StartsWith(k + " ", StringComparison.Ordinal))
                return kind;
        }
        return null;
    }

    public static bool IsAppendixLine(string line)
    {
        var t = line.Trim();
        return t.Length < 40 && VietnameseText.IsUpper(t) && VietnameseText.Key(t).StartsWith("phu luc", StringComparison.Ordinal);
    }

    public static List<LayoutPart> Split(IReadOnlyList<string> lines)
    {
        var starts = new List<(int Line, string? Kind, bool Appendix)>();
        var closed = true; // the header before the first kind line counts as closed
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsAppendixLine(line))
            {
                starts.Add((i, "Phụ lục", true));
                closed = false;
                continue;
            }
            if (KindOf(line) is { } kind && (closed || starts.Count == 0))
            {
                starts.Add((i, kind, false));
                closed = false;
                continue;
            }
            var t = line.TrimEnd();
            if (IsRecipientsLine(line) || IsSignatureLine(line) || t.EndsWith("./.", StringComparison.Ordinal) || t.EndsWith("./", StringComparison.Ordinal))
                closed = true;
        }
        if (starts.Count == 0)
            return [new LayoutPart(null, false, null, 0, 0, ClosingStart(lines, 0, lines.Count), lines.Count)];

        var parts = new List<LayoutPart>();
        for (var p = 0; p < starts.Count; p++)
        {
            var (start, kind, appendix) = starts[p];
            var end = p + 1 < starts.Count ? starts[p + 1].Line : lines.Count;
            var (title, bodyStart) = ReadTitle(lines, start + 1, end, appendix);
            var bodyEnd = appendix ? end : ClosingStart(lines, bodyStart, end);
            parts.Add(new LayoutPart(kind, appendix, title, start, bodyStart, bodyEnd, end));
        }
        return parts;
    }

    /// <summary>The title: the capitals after the kind line, or its first paragraph; "(Kèm theo …)" lines are skipped.</summary>
    private static (string? Title, int Next) ReadTitle(IReadOnlyList<string> lines, int i, int end, bool appendix)
    {
        while (i < end && lines[i].Trim().Length == 0)
            i++;
        var title = new List<string>();
        if (appendix && i < end && Labels.RomanValue(lines[i].Trim()) > 0)
            i++; // "PHỤ LỤC" / "I" as two cells
        var upper = i < end && VietnameseText.IsUpper(lines[i]);
        while (i < end && title.Count < 8)
        {
            var t = lines[i].Trim();
            if (t.Length == 0)
            {
                if (title.Count > 0)
                    break;
                i++;
                continue;
            }
            // The title ends where the text, the first item or a table's header row ("TT") begins.
            if (upper && !VietnameseText.IsUpper(StripAttachment(t)) || Labels.StartsWithLabel(t) || t.Contains('\t')
                || VietnameseText.Key(t) is "tt" or "stt")
                break;
            title.Add(t);
            i++;
            if (upper && t.Contains("(Kèm theo", StringComparison.OrdinalIgnoreCase))
                break;
        }
        // "(Kèm theo Quyết định số …)" names the carrier; it is not the title.
        while (i < end && lines[i].Trim().Length == 0)
            i++;
        if (i < end && lines[i].TrimStart().StartsWith('('))
        {
            while (i < end && !lines[i].Contains(')'))
                i++;
            i++;
        }
        var text = StripAttachment(string.Join(" ", title)).Trim().TrimEnd(',', ';');
        return (text.Length == 0 ? null : VietnameseText.CollapseSpaces(text), Math.Min(i, end));
    }

    private static string StripAttachment(string text)
    {
        var i = text.IndexOf("(Kèm theo", StringComparison.OrdinalIgnoreCase);
        return i < 0 ? text : text[..i];
    }

    /// <summary>Where the closing (recipients, signature, footnotes) begins.</summary>
    private static int ClosingStart(IReadOnlyList<string> lines, int from, int end)
    {
        var lastMark = -1;
        for (var i = from; i < end; i++)
        {
            if (IsRecipientsLine(lines[i]) || IsSignatureLine(lines[i]))
                return i;
            var t = lines[i].TrimEnd();
            if (t.EndsWith("./.", StringComparison.Ordinal) || t.EndsWith("./", StringComparison.Ordinal))
                lastMark = i;
        }
        return lastMark >= 0 ? lastMark + 1 : end;
    }
}
