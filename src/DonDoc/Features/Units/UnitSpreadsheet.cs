using System.Globalization;
using DonDoc.Calendar;
using DonDoc.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    /// <summary>The header row; an import needs every column, since a missing one would blank that field of every unit.</summary>
    public static readonly IReadOnlyList<string> Columns =
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
            [Columns[3]] = UnitRules.FormatAliases(r.Aliases),
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
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct);
        var (rows, problem) = Read(buffer);
        if (problem is not null)
            return Fail(problem);
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

        int? IdOf(string? code) => code is not null && existing.TryGetValue(code, out var u) ? u.Id : null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = 0;
        var updated = 0;
        // Parents before children: a row waits until the unit it names as parent exists.
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(r => r.ParentCode is null || existing.ContainsKey(r.ParentCode)).ToList();
            if (ready.Count == 0)
                return await RollBackAsync(tx, $"Các dòng {string.Join(", ", pending.Select(r => r.Line))} tạo thành vòng lặp đơn vị cấp trên.", ct);
            foreach (var row in ready)
            {
                var unitInput = row.ToInput(IdOf(row.ParentCode), IdOf(row.SuccessorCode));
                var result = existing.TryGetValue(row.Code, out var unit)
                    ? await save.UpdateAsync(unit.Id, unitInput, null, ct)
                    : await save.CreateAsync(unitInput, ct);
                if (!result.Ok)
                    return await RollBackAsync(tx, $"Dòng {row.Line}: {AfterColon(result.Message)}", ct);
                if (unit is null) created++; else updated++;
                existing[row.Code] = result.Value!;
                pending.Remove(row);
            }
        }
        // A successor created further down the file had no id yet when its row was saved.
        foreach (var row in rows.Where(r => r.SuccessorCode is not null))
            existing[row.Code].SuccessorId = existing[row.SuccessorCode!].Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportReport(created, updated, []);
    }

    private static ImportReport Fail(string error) => new(0, 0, [error]);

    /// <summary>A sentence of SaveUnit or UnitRules as it reads after "Dòng 5: ".</summary>
    private static string AfterColon(string message) => char.ToLower(message[0], VietnamTime.Culture) + message[1..];

    /// <summary>Undoes the rows saved so far; the context forgets them too, so nothing half-imported is saved later.</summary>
    private async Task<ImportReport> RollBackAsync(IDbContextTransaction tx, string error, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return Fail(error);
    }

    /// <returns>The data rows, or a Vietnamese description of why the file cannot be read as the unit list.</returns>
    private static (List<Row> Rows, string? Problem) Read(MemoryStream stream)
    {
        List<IDictionary<string, object?>> sheet;
        List<string> headers;
        try
        {
            stream.Position = 0;
            headers = [.. stream.GetColumns(useHeaderRow: true, excelType: ExcelType.XLSX) ?? []];
            stream.Position = 0;
            sheet = [.. stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The parser throws many kinds of exceptions for a file that is not a workbook (zip, XML, missing parts).
            return ([], "Không đọc được tệp: đây không phải là tệp Excel (.xlsx) hợp lệ hoặc tệp đã bị hỏng.");
        }
        // A header typed by hand may carry stray spaces; the cells are keyed by the header as written.
        var keyOf = new Dictionary<string, string>();
        foreach (var header in headers)
            keyOf.TryAdd(header.Trim(), header);
        var missing = Columns.Where(c => !keyOf.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            return ([], $"Dòng tiêu đề của tệp thiếu cột: {string.Join(", ", missing)}. Hãy dùng tệp tải về bằng nút Xuất Excel làm mẫu.");

        var rows = new List<Row>();
        var line = 1;
        foreach (var cells in sheet)
        {
            line++;
            string? Cell(int i) => cells.TryGetValue(keyOf[Columns[i]], out var v) ? Text(v) : null;
            if (Enumerable.Range(0, Columns.Count).All(i => Cell(i) is null))
                continue;
            rows.Add(Row.From(line, Cell));
        }
        return (rows, null);
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
        public UnitInput ToInput(int? parentId, int? successorId) =>
            new(Code, Name, ShortName, Aliases, Kind, parentId, ValidFrom, ValidTo, successorId, SortOrder);

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
            var aliases = UnitRules.ParseAliases(cell(3));
            var row = new Row(line, code, cell(1) ?? "", cell(2), aliases, kind,
                cell(5) is { } p ? UnitRules.NormalizeCode(p) : null, from, to,
                cell(8) is { } sc ? UnitRules.NormalizeCode(sc) : null, sort, errors);
            errors.AddRange(UnitRules.Validate(row.ToInput(null, null)).Values.SelectMany(v => v).Select(AfterColon));
            if (row.ParentCode == code && code.Length > 0)
                errors.Add("đơn vị không thể là cấp trên của chính nó.");
            if (row.SuccessorCode == code && code.Length > 0)
                errors.Add("đơn vị kế thừa phải là một đơn vị khác.");
            return row;
        }
    }
}
