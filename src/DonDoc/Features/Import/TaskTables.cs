using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

/// <summary>
/// Task tables ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm"), whether
/// their rows are tab-separated (as .docx tables and some web pages give them) or copied one cell per line,
/// with cells themselves wrapped over several lines.
/// </summary>
public static partial class TaskTables
{
    public enum Column { Number, Task, Lead, Support, Deadline, Product, Other }

    public sealed record Row(string? Group, string Label, Dictionary<Column, string> Cells);

    public sealed record Table(int FirstLine, int EndLine, List<Row> Rows);

    // [0-9], not \d: a row number is read with int.Parse, which refuses other scripts' digits.
    [GeneratedRegex(@"^(?:[0-9]{1,3}|[IVXL]{1,6})\.?$")]
    private static partial Regex RowMarkerRegex();

    // "II. HOÀN" / "THIỆN CƠ CHẾ …": a group row whose heading starts on the marker's line.
    [GeneratedRegex(@"^([IVXL]{1,6})\.\s+(\p{Lu}.*)$")]
    private static partial Regex GroupWithHeadingRegex();

    [GeneratedRegex(@"^[.…\s]{6,}$")]
    private static partial Regex ElisionRegex();

    [GeneratedRegex(@"^(?:sở|ban|bộ|ủy ban|uỷ ban|ubnd|công an|thanh tra|văn phòng|trung tâm|đài|báo(?! cáo)|hội|hiệp hội|liên minh|viện|cục|chi cục|kho bạc|ngân hàng|bảo hiểm|các|cơ quan|tập đoàn|vtv|bộ chỉ huy|bộ tư lệnh|quân khu|đơn vị|địa phương)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitCellRegex();

    [GeneratedRegex(@"^(?:trước|sau|theo|trong|tháng|quý|quí|năm|hằng|hàng|thường xuyên|định kỳ|khi|từ|đến|giai đoạn|nhiệm vụ thường xuyên|\d{1,2}/\d{4}|\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex TimeCellRegex();

    public static Column ColumnOf(string header)
    {
        var key = VietnameseText.Key(header);
        if (key is "tt" or "stt" or "so tt")
            return Column.Number;
        if (key.Contains("chu tri", StringComparison.Ordinal))
            return Column.Lead;
        if (key.Contains("phoi hop", StringComparison.Ordinal))
            return Column.Support;
        if (key.Contains("thoi gian", StringComparison.Ordinal) || key.Contains("thoi han", StringComparison.Ordinal) || key.Contains("tien do", StringComparison.Ordinal))
            return Column.Deadline;
        if (key.Contains("san pham", StringComparison.Ordinal) || key.Contains("ket qua", StringComparison.Ordinal))
            return Column.Product;
        if (key.Contains("nhiem vu", StringComparison.Ordinal) || key.Contains("noi dung", StringComparison.Ordinal) || key.Contains("chi tieu", StringComparison.Ordinal) || key.StartsWith("ten ", StringComparison.Ordinal))
            return Column.Task;
        return Column.Other;
    }

    private static bool IsHeader(IReadOnlyList<string> cells)
    {
        var columns = cells.Select(ColumnOf).ToList();
        return columns.Contains(Column.Task) && (columns.Contains(Column.Lead) || columns.Contains(Column.Support) || columns.Contains(Column.Deadline));
    }

    /// <summary>Every task table in the lines, in order.</summary>
    public static List<Table> Find(IReadOnlyList<string> lines, int from, int to)
    {
        var tables = new List<Table>();
        for (var i = from; i < to; i++)
        {
            var line = lines[i].Trim('\r', ' ');
            if (lines[i].Contains('\t') && IsHeader(lines[i].Split('\t').Select(c => c.Trim()).ToList()))
            {
                var table = ReadTabbed(lines, i, to);
                tables.Add(table);
                i = table.EndLine - 1;
            }
            else if (VietnameseText.Key(line) is "tt" or "stt" && ReadCellHeader(lines, i + 1, to) is { } header && IsHeader(header.Cells))
            {
                var table = ReadCells(lines, i, header.Cells, header.Next, to);
                tables.Add(table);
                i = table.EndLine - 1;
            }
        }
        return tables;
    }

    private static Table ReadTabbed(IReadOnlyList<string> lines, int headerLine, int to)
    {
        var columns = lines[headerLine].Split('\t').Select(c => ColumnOf(c.Trim())).ToList();
        var rows = new List<Row>();
        string? group = null;
        var i = headerLine + 1;
        for (; i < to; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
                continue;
            if (!line.Contains('\t'))
                break;
            var cells = line.Split('\t').Select(c => c.Trim()).ToList();
            var first = cells[0].TrimEnd('.');
            var others = cells.Skip(1).Where(c => c.Length > 0).ToList();
            if (Labels.RomanValue(first) > 0 && (others.Count <= 1 || cells.Count < 3))
            {
                group = first;
                continue;
            }
            if (first.Length == 0 && rows.Count > 0)
            {
                // A row cut in two: its second half carries on the cells of the first.
                var previous = rows[^1];
                for (var c = 1; c < cells.Count && c < columns.Count; c++)
                {
                    if (cells[c].Length > 0)
                        previous.Cells[columns[c]] = (previous.Cells.GetValueOrDefault(columns[c]) + " " + cells[c]).Trim();
                }
                continue;
            }
            if (!first.All(char.IsAsciiDigit) && !first.Contains('.'))
                continue;
            var row = new Dictionary<Column, string>();
            for (var c = 1; c < cells.Count && c < columns.Count; c++)
            {
                if (cells[c].Length > 0)
                    row[columns[c]] = row.TryGetValue(columns[c], out var before) ? before + " " + cells[c] : cells[c];
            }
            rows.Add(new Row(group, first, row));
        }
        return new Table(headerLine, i, rows);
    }

    private static (List<string> Cells, int Next)? ReadCellHeader(IReadOnlyList<string> lines, int i, int to)
    {
        var cells = new List<string>();
        for (; i < to && cells.Count < 12; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0)
                continue;
            if (RowMarkerRegex().IsMatch(t))
                return (cells, i);
            if (cells.Count > 0 && (char.IsLower(t[0]) || cells[^1].EndsWith(',')))
                cells[^1] += " " + t;
            else
                cells.Add(t);
        }
        return null;
    }

    private static Table ReadCells(IReadOnlyList<string> lines, int headerLine, List<string> header, int i, int to)
    {
        var rows = new List<Row>();
        string? group = null;
        var expected = 1;
        var cells = new List<string>();
        string? label = null;
        var end = to;
        for (; i < to; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0)
                continue;
            if (ElisionRegex().IsMatch(t))
            {
                Flush();
                expected = -1; // rows were left out: numbering restarts wherever it resumes
                continue;
            }
            if (GroupWithHeadingRegex().Match(t) is { Success: true } groupRow && Labels.RomanValue(groupRow.Groups[1].Value) > 0)
            {
                Flush();
                group = groupRow.Groups[1].Value;
                continue;
            }
            if (RowMarkerRegex().IsMatch(t))
            {
                var marker = t.TrimEnd('.');
                if (Labels.RomanValue(marker) > 0)
                {
                    // Numbering may run on across groups (1–11) or restart in each (1–8, 1–6).
                    Flush();
                    group = marker;
                    label = null;
                    continue;
                }
                var n = int.Parse(marker);
                if (expected < 0 || n == expected || n == 1 || n > expected && n <= expected + 2)
                {
                    Flush();
                    label = marker;
                    expected = n + 1;
                    continue;
                }
            }
            // Lines before a row's number are its group's heading, which the group label already stands for.
            if (label is not null)
                AddLine(cells, t);
        }
        Flush();
        return new Table(headerLine, end, rows);

        void Flush()
        {
            if (label is not null && cells.Count > 0)
                rows.Add(Assign(group, label, cells));
            cells = [];
            label = null;
        }
    }

    /// <summary>A wrapped cell goes on: the line starts in small letters, or the line before ends mid-phrase.</summary>
    private static void AddLine(List<string> cells, string line)
    {
        if (cells.Count > 0)
        {
            var previous = cells[^1];
            var lastWord = char.IsLetter(previous[^1]) ? VietnameseText.Key(previous[(previous.LastIndexOf(' ') + 1)..]) : "";
            if (char.IsLower(line[0]) || line[0] is '(' or '-' || char.IsAsciiDigit(line[0]) && !TimeCellRegex().IsMatch(line)
                || previous.EndsWith(',') || previous.EndsWith(';') || previous.EndsWith('-')
                || lastWord is "va" or "cua" or "ngay" or "luat" or "tai" or "ve" or "cho" or "voi" or "cac" or "theo" or "so"
                || char.IsAsciiDigit(line[0]) && lastWord is "ngay" or "thang" or "nam")
            {
                cells[^1] = previous + " " + line;
                return;
            }
        }
        cells.Add(line);
    }

    /// <summary>
    /// Gives the cells of a row their columns by what they look like, since empty cells leave no line:
    /// the task first, then units (lead, then support), then a time, then the product; anything after is kept
    /// as other text for the reviewer.
    /// </summary>
    private static Row Assign(string? group, string label, List<string> cells)
    {
        var row = new Dictionary<Column, string>();
        foreach (var cell in cells)
        {
            var isUnit = UnitCellRegex().IsMatch(cell) && cell.Length < 160;
            var isTime = TimeCellRegex().IsMatch(cell) && cell.Length < 80;
            var column = !row.ContainsKey(Column.Lead)
                ? isUnit && row.ContainsKey(Column.Task) ? Column.Lead : Column.Task
                : !row.ContainsKey(Column.Support) && !row.ContainsKey(Column.Deadline) && isUnit ? Column.Support
                : !row.ContainsKey(Column.Deadline) && isTime ? Column.Deadline
                : !row.ContainsKey(Column.Product) && !isUnit ? Column.Product
                : Column.Other;
            row[column] = row.TryGetValue(column, out var before) ? before + " " + cell : cell;
        }
        return new Row(group, label, row);
    }
}
