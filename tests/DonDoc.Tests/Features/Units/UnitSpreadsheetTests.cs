using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace DonDoc.Tests.Features.Units;

public sealed class UnitSpreadsheetTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly IReadOnlyList<string> C = UnitSpreadsheet.Columns;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Export_then_import_keeps_names_parents_successors_and_dates(Provider provider)
    {
        var app = apps.For(provider);
        var root = await app.UnitAsync("Ủy ban nhân dân tỉnh Thử nghiệm", UnitKind.Province);
        var merged = await CreateAsync(app, new UnitInput(TestData.UniqueCode(), "Sở Nông nghiệp và Môi trường", "Sở NN&MT",
            ["SNNMT"], UnitKind.Department, root.Id, new(2025, 3, 1), null, null, 2));
        var old = await CreateAsync(app, new UnitInput(TestData.UniqueCode(), "Sở Tài nguyên và Môi trường", "Sở TN&MT",
            ["STNMT", "Sở Tài nguyên"], UnitKind.Department, root.Id, new(2008, 1, 1), new(2025, 2, 28), merged.Id, 1));
        var commune = await CreateAsync(app, new UnitInput(TestData.UniqueCode(), "UBND xã Đô Lương", null,
            [], UnitKind.Commune, root.Id, new(2025, 7, 1), null, null, 5));
        var mine = new[] { root, merged, old, commune };
        var before = await SnapshotAsync(app, mine.Select(u => u.Code));

        var file = await ExportAsync(app, units => units.Where(u => u.Path.StartsWith(root.Path)));

        // The same file back: every row matches an existing unit, and nothing needs writing.
        var again = await ImportAsync(app, file);
        Assert.True(again.Ok, string.Join(" ", again.Errors));
        Assert.Equal((0, 4), (again.Created, again.Updated));
        Assert.Equal(before, await SnapshotAsync(app, mine.Select(u => u.Code)));

        // The file with new codes: a copy of the tree, linked by the new codes.
        var renamed = mine.ToDictionary(u => u.Code, _ => TestData.UniqueCode());
        var copy = await ImportAsync(app, Recode(file, renamed));
        Assert.True(copy.Ok, string.Join(" ", copy.Errors));
        Assert.Equal((4, 0), (copy.Created, copy.Updated));
        var copied = await SnapshotAsync(app, renamed.Values);
        Assert.Equal(before.Select(u => u with
        {
            Code = renamed[u.Code],
            ParentCode = u.ParentCode is { } p && renamed.TryGetValue(p, out var np) ? np : u.ParentCode,
            SuccessorCode = u.SuccessorCode is { } s ? renamed[s] : null,
            Version = 0,
        }), copied.Select(u => u with { Version = 0 }));
        Assert.Contains(copied, u => u is { Name: "Sở Tài nguyên và Môi trường", ShortName: "Sở TN&MT", Aliases: "STNMT; Sở Tài nguyên" }
            && u.ValidFrom == new DateOnly(2008, 1, 1) && u.ValidTo == new DateOnly(2025, 2, 28));
    }

    public static TheoryData<Provider, string> BadRows()
    {
        var data = new TheoryData<Provider, string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            foreach (var bad in new[] { "unknown kind", "duplicate code", "unknown parent", "reversed dates", "own successor" })
                data.Add(provider, bad);
        }
        return data;
    }

    [Theory, MemberData(nameof(BadRows))]
    public async Task One_bad_row_names_its_line_and_nothing_is_saved(Provider provider, string bad)
    {
        var app = apps.For(provider);
        var parent = await app.UnitAsync("Đơn vị cấp trên");
        var existing = await app.UnitAsync("Tên trước khi nhập", parentId: parent.Id);
        var before = await SnapshotAsync(app, [existing.Code]);
        var newCode = TestData.UniqueCode();
        var badCode = TestData.UniqueCode();
        var (row, message) = bad switch
        {
            "unknown kind" => (Row(badCode, "Phòng Tổ chức", kind: "Phòng ban"), "loại đơn vị 'Phòng ban' không hợp lệ"),
            "duplicate code" => (Row(newCode, "Sở Trùng mã"), $"mã '{newCode}' trùng với dòng 3"),
            "unknown parent" => (Row(badCode, "Sở Mồ côi", parent: "KHONG.CO.MA"), "không tìm thấy đơn vị cấp trên có mã 'KHONG.CO.MA'"),
            "reversed dates" => (Row(badCode, "Sở Ngược ngày", from: "01/07/2025", to: "30/06/2025"), "ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực"),
            "own successor" => (Row(badCode, "Sở Tự kế thừa", successor: badCode), "đơn vị kế thừa phải là một đơn vị khác"),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var report = await ImportAsync(app, Sheet(
            Row(existing.Code, "Tên sau khi nhập", parent: parent.Code),
            Row(newCode, "Sở Mới"),
            row));

        Assert.False(report.Ok);
        Assert.Contains($"Dòng 4: {message}", string.Join("\n", report.Errors));
        Assert.Equal((0, 0), (report.Created, report.Updated));
        Assert.Equal(before, await SnapshotAsync(app, [existing.Code]));
        Assert.Empty(await SnapshotAsync(app, [newCode, badCode]));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_row_refused_while_saving_undoes_the_rows_saved_before_it(Provider provider)
    {
        var app = apps.For(provider);
        var top = await app.UnitAsync("Cấp trên");
        var child = await app.UnitAsync("Cấp dưới", parentId: top.Id);
        var before = await SnapshotAsync(app, [top.Code, child.Code]);
        var newCode = TestData.UniqueCode();

        // Each row alone is valid; only saving the third finds that the top unit would sit under its own child.
        var report = await ImportAsync(app, Sheet(
            Row(child.Code, "Cấp dưới đổi tên", parent: top.Code),
            Row(newCode, "Đơn vị mới", parent: top.Code),
            Row(top.Code, "Cấp trên", parent: child.Code)));

        Assert.False(report.Ok);
        Assert.Contains("Dòng 4: không thể chọn chính đơn vị này hoặc một đơn vị trực thuộc nó", Assert.Single(report.Errors));
        Assert.Equal(before, await SnapshotAsync(app, [top.Code, child.Code]));
        Assert.Empty(await SnapshotAsync(app, [newCode]));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task New_units_that_are_each_others_parents_are_refused(Provider provider)
    {
        var app = apps.For(provider);
        var (a, b) = (TestData.UniqueCode(), TestData.UniqueCode());

        var report = await ImportAsync(app, Sheet(Row(a, "Đơn vị A", parent: b), Row(b, "Đơn vị B", parent: a)));

        Assert.Equal(["Các dòng 2, 3 tạo thành vòng lặp đơn vị cấp trên."], report.Errors);
        Assert.Empty(await SnapshotAsync(app, [a, b]));
    }

    public static TheoryData<Provider, string> MalformedFiles()
    {
        var data = new TheoryData<Provider, string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            foreach (var kind in new[] { "random bytes", "docx-like zip", "csv text", "empty" })
                data.Add(provider, kind);
        }
        return data;
    }

    [Theory, MemberData(nameof(MalformedFiles))]
    public async Task A_file_that_is_not_a_workbook_gets_a_clear_message(Provider provider, string kind)
    {
        var app = apps.For(provider);
        var (bytes, message) = kind switch
        {
            "random bytes" => (RandomBytes(), "đây không phải là tệp Excel (.xlsx) hợp lệ"),
            "docx-like zip" => (DocxLikeZip(), "đây không phải là tệp Excel (.xlsx) hợp lệ"),
            "csv text" => ("Mã định danh,Tên đơn vị\nX1,Sở X\n"u8.ToArray(), "đây không phải là tệp Excel (.xlsx) hợp lệ"),
            "empty" => ([], "Tệp rỗng."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var report = await ImportAsync(app, bytes);

        Assert.Contains(message, Assert.Single(report.Errors));
        Assert.Equal((0, 0), (report.Created, report.Updated));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_workbook_without_every_column_names_the_missing_ones_and_saves_nothing(Provider provider)
    {
        var app = apps.For(provider);
        var code = TestData.UniqueCode();
        var row = Row(code, "Sở Thiếu cột");
        row.Remove("Loại");
        row.Remove("Mã đơn vị cấp trên");

        var report = await ImportAsync(app, Sheet(row));

        Assert.Equal(["Dòng tiêu đề của tệp thiếu cột: Loại, Mã đơn vị cấp trên. Hãy dùng tệp tải về bằng nút Xuất Excel làm mẫu."], report.Errors);
        Assert.Empty(await SnapshotAsync(app, [code]));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_admin_imports_over_http_and_a_unit_officer_may_not(Provider provider)
    {
        var app = apps.For(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer);
        var (byAdmin, byOfficer) = (TestData.UniqueCode(), TestData.UniqueCode());

        var ok = await admin.PostAsync("/api/v1/units/import", Upload(Sheet(Row(byAdmin, "Ban Dân tộc"))), Ct);
        var refused = await officer.PostAsync("/api/v1/units/import", Upload(Sheet(Row(byOfficer, "Ban Quản lý"))), Ct);
        var broken = await admin.PostAsync("/api/v1/units/import", Upload(RandomBytes()), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var report = await ok.Content.ReadFromJsonAsync<UnitSpreadsheet.ImportReport>(Ct);
        Assert.Equal((1, 0), (report!.Created, report.Updated));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync(Ct));
        Assert.Contains("không có thay đổi nào được lưu", problem);
        Assert.Contains("không phải là tệp Excel (.xlsx) hợp lệ", problem);
        Assert.Equal([byAdmin], (await SnapshotAsync(app, [byAdmin, byOfficer])).Select(u => u.Code));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_officer_exports_only_their_unit_and_its_children(Provider provider)
    {
        var app = apps.For(provider);
        var mine = await app.UnitAsync("Sở của tôi");
        var child = await app.UnitAsync("Phòng trực thuộc", parentId: mine.Id);
        await app.UnitAsync("Sở khác");
        var (officer, _, _) = await app.SignedInAsync(Roles.UnitOfficer, mine);

        var response = await officer.GetAsync("/api/v1/units/export.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UnitSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = await ReadAsync(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(new[] { mine.Code, child.Code }.Order(), rows.Select(r => (string)r[C[0]]!).Order());
        Assert.Equal(mine.Code, rows.Single(r => (string)r[C[0]]! == child.Code)[C[5]]);
    }

    /// <summary>What a person can see of a unit in the sheet, with links by code.</summary>
    private sealed record Snapshot(string Code, string Name, string? ShortName, string Aliases, UnitKind Kind, string? ParentCode,
        DateOnly? ValidFrom, DateOnly? ValidTo, string? SuccessorCode, int SortOrder, long Version);

    private static Task<List<Snapshot>> SnapshotAsync(DonDocApp app, IEnumerable<string> codes)
    {
        var wanted = codes.ToList();
        return app.WithScopeAsync(async sp =>
        {
            var units = await sp.GetRequiredService<DonDocDbContext>().Units.AsNoTracking()
                .Where(u => wanted.Contains(u.Code))
                .Select(u => new { u.Code, u.Name, u.ShortName, u.Aliases, u.Kind, ParentCode = u.Parent!.Code, u.ValidFrom, u.ValidTo,
                    SuccessorCode = u.Successor!.Code, u.SortOrder, u.Version })
                .ToListAsync(Ct);
            return units.OrderBy(u => wanted.IndexOf(u.Code))
                .Select(u => new Snapshot(u.Code, u.Name, u.ShortName, UnitRules.FormatAliases(u.Aliases), u.Kind, u.ParentCode,
                    u.ValidFrom, u.ValidTo, u.SuccessorCode, u.SortOrder, u.Version))
                .ToList();
        });
    }

    private static Task<Unit> CreateAsync(DonDocApp app, UnitInput input) =>
        app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<SaveUnit>().CreateAsync(input, Ct);
            Assert.True(result.Ok, result.Message);
            return result.Value!;
        });

    private static Task<byte[]> ExportAsync(DonDocApp app, Func<IQueryable<Unit>, IQueryable<Unit>> which) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<UnitSpreadsheet>().ExportAsync(which(sp.GetRequiredService<DonDocDbContext>().Units), Ct));

    private static Task<UnitSpreadsheet.ImportReport> ImportAsync(DonDocApp app, byte[] file) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<UnitSpreadsheet>().ImportAsync(new MemoryStream(file), file.Length, Ct));

    private static Dictionary<string, object?> Row(string code, string name, string kind = "Sở, ban, ngành", string? parent = null,
        string? from = null, string? to = null, string? successor = null) => new()
    {
        [C[0]] = code, [C[1]] = name, [C[2]] = null, [C[3]] = null, [C[4]] = kind, [C[5]] = parent,
        [C[6]] = from, [C[7]] = to, [C[8]] = successor, [C[9]] = null,
    };

    internal static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<List<IDictionary<string, object?>>> ReadAsync(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return [.. (await stream.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>The exported file with every code (own, parent's, successor's) replaced as <paramref name="renamed"/> says.</summary>
    private static byte[] Recode(byte[] file, Dictionary<string, string> renamed)
    {
        string? Map(object? code) => code is string c ? renamed.GetValueOrDefault(c, c) : null;
        using var stream = new MemoryStream(file);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r) { [C[0]] = Map(r[C[0]]), [C[5]] = Map(r[C[5]]), [C[8]] = Map(r[C[8]]) })
            .ToArray();
        return Sheet(rows);
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[2048];
        new Random(20).NextBytes(bytes);
        return bytes;
    }

    private static byte[] DocxLikeZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        }
        return stream.ToArray();
    }

    internal static MultipartFormDataContent Upload(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(UnitSpreadsheet.ContentType);
        return new MultipartFormDataContent { { content, "file", "don-vi.xlsx" } };
    }
}
