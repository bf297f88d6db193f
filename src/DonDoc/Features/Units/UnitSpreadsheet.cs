using System.Globalization;
using DonDoc.Calendar;
using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DonDoc.Features.Units;

/// <summary>
/// The unit list as an .xlsx sheet, one row per unit, parents and successors by code. Import is all or
/// nothing: every row is checked first, and a single bad row leaves the database as it was.
/// </summary>
public sealed class UnitSpreadsheet(DonDocDbContext db, SaveUnit save)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly string[] Columns =
        ["Mã định danh", "Tên đơn vị", "Tên viết tắt", "Tên gọi khác", "Loại", "Mã đơn vị cấp trên",
         "Hiệu lực từ", "Hiệu lực đến", "Mã đơn vị kế thừa", "Thứ tự"];

    public sealed record ImportReport(int Created, int Updated, IReadOnlyList<string> Errors)
    {
        public bool Ok => Errors.Count == 0;
    }

    public async Task<byte[]> ExportAsync(IQueryable<Unit> units, CancellationToken ct = default)
    {
        var rows = await units.OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Code, u.Name, u.ShortName, u.Aliases, u.Kind, ParentCode = u.Parent != null ? u.Parent.Code : null,
                u.ValidFrom, u.ValidTo, SuccessorCode = u.Successor != null ? u.Successor.Code : null, u.SortOrder })
            .ToListAsync(ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [Columns[0]] = r.Code,
            [Columns[1]] = r.Name,
            [Columns[2]] = r.ShortName,
            [Columns[3]] = string.Join("; ", r.Aliases),
            [Columns[4]] = r.Kind.Label(),
            [Columns[5]] = r.ParentCode,
            [Columns[6]] = VietnamTime.Date(r.ValidFrom),
            [Columns[7]] = VietnamTime.Date(r.ValidTo),
            [Columns[8]] = r.SuccessorCode,
            [Columns[9]] = r.SortOrder,
        }).ToList();
        if (sheet.Count == 0)
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "Đơn vị", cancellationToken: ct);
        return stream.ToArray();
    }

    public async Task<ImportReport> ImportAsync(Stream input, long length, CancellationToken ct = default)
    {
        if (length == 0)
            return Fail("Tệp rỗng.");
        if (length > MaxBytes)
            return Fail($"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB.");
        List<Row> rows;
        try
        {
            using var buffer = new MemoryStream();
            await input.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            rows = Read(buffer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail("Không đọc được tệp: đây không phải là tệp Excel (.xlsx) hợp lệ hoặc tệp đã bị hỏng.");
        }
        if (rows.Count == 0)
            return Fail("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.");

        var errors = new List<string>();
        var fileCodes = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            if (row.Code.Length > 0 && !fileCodes.TryAdd(row.Code, row.Line))
                errors.Add($"Dòng {row.Line}: mã '{row.Code}' trùng với dòng {fileCodes[row.Code]}.");
            errors.AddRange(row.Errors.Select(e => $"Dòng {row.Line}: {e}"));
        }
        var existing = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        foreach (var row in rows)
        {
            foreach (var (label, code) in new[] { ("đơn vị cấp trên", row.ParentCode), ("đơn vị kế thừa", row.SuccessorCode) })
            {
                if (code is not null && !fileCodes.ContainsKey(code) && !existing.ContainsKey(code))
                    errors.Add($"Dòng {row.Line}: không tìm thấy {label} có mã '{code}'.");
            }
        }
        if (errors.Count > 0)
            return new ImportReport(0, 0, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = 0;
        var updated = 0;
        // Parents before children: a row waits until the unit it names as parent exists.
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(r => r.ParentCode is null || existing.ContainsKey(r.ParentCode)).ToList();
            if (ready.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return Fail($"Các dòng {string.Join(", ", pending.Select(r => r.Line))} tạo thành vòng lặp đơn vị cấp trên.");
            }
            foreach (var row in ready)
            {
                var unitInput = row.ToInput(row.ParentCode is { } parentCode ? existing[parentCode].Id : null);
                var result = existing.TryGetValue(row.Code, out var unit)
                    ? await save.UpdateAsync(unit.Id, unitInput, null, ct)
                    : await save.CreateAsync(unitInput, ct);
                if (!result.Ok)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return Fail($"Dòng {row.Line}: {result.Message}");
                }
                if (unit is null) created++; else updated++;
                existing[row.Code] = result.Value!;
                pending.Remove(row);
            }
        }
        // Successors may point at rows created later in the file, so they are linked last.
        foreach (var row in rows.Where(r => r.SuccessorCode is not null))
            existing[row.Code].SuccessorId = existing[row.SuccessorCode!].Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportReport(created, updated, []);
    }

    private static ImportReport Fail(string error) => new(0, 0, [error]);

    private static List<Row> Read(Stream stream)
    {
        var rows = new List<Row>();
        var line = 1;
        foreach (IDictionary<string, object?> cells in stream.Query(useHeaderRow: true))
        {
            line++;
            if (line == 2)
            {
                var missing = Columns[..5].Where(c => !cells.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                    throw new FormatException("missing columns");
            }
            string? Cell(int i) => cells.TryGetValue(Columns[i], out var v) ? Text(v) : null;
            if (Enumerable.Range(0, Columns.Length).All(i => Cell(i) is null))
                continue;
            rows.Add(Row.From(line, Cell));
        }
        return rows;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null,
    };

    private sealed record Row(
        int Line, string Code, string Name, string? ShortName, List<string> Aliases, UnitKind Kind,
        string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? SuccessorCode, int SortOrder, List<string> Errors)
    {
        public UnitInput ToInput(int? parentId) =>
            new(Code, Name, ShortName, Aliases, Kind, parentId, ValidFrom, ValidTo, null, SortOrder);

        public static Row From(int line, Func<int, string?> cell)
        {
            var errors = new List<string>();
            var code = UnitRules.NormalizeCode(cell(0));
            if (!UnitKindLabels.TryParseLabel(cell(4), out var kind))
                errors.Add($"loại đơn vị '{cell(4)}' không hợp lệ (dùng: {string.Join(", ", Enum.GetValues<UnitKind>().Select(k => k.Label()))}).");
            DateOnly? Date(int i, string label)
            {
                var text = cell(i);
                if (text is null) return null;
                var d = VietnamTime.ParseDate(text);
                if (d is null) errors.Add($"{label} '{text}' không đúng dạng ngày/tháng/năm.");
                return d;
            }
            var from = Date(6, "ngày hiệu lực");
            var to = Date(7, "ngày hết hiệu lực");
            var sort = 0;
            if (cell(9) is { } s && !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out sort))
                errors.Add($"thứ tự '{s}' phải là số nguyên.");
            var aliases = (cell(3) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var row = new Row(line, code, cell(1) ?? "", cell(2), aliases, kind,
                cell(5) is { } p ? UnitRules.NormalizeCode(p) : null, from, to,
                cell(8) is { } sc ? UnitRules.NormalizeCode(sc) : null, sort, errors);
            errors.AddRange(UnitRules.Validate(row.ToInput(null)).Values.SelectMany(v => v).Select(e => char.ToLower(e[0], VietnamTime.Culture) + e[1..]));
            if (row.ParentCode == code && code.Length > 0)
                errors.Add("đơn vị không thể là cấp trên của chính nó.");
            return row;
        }
    }
}
