using DonDoc.Features.Units;

namespace DonDoc.Demo;

/// <summary>
/// Nghệ An's units for the demo: the provincial agencies the 2022 seed plan names, their 2025 successors,
/// the 21 district-level units of 2022 and a subset of the communes of 1/7/2025.
/// This is best public knowledge (DOMAIN.md marks it [U]), not an authoritative register: names, dates and
/// successors may be wrong, and an administrator corrects them in the app.
/// </summary>
/// <remarks>
/// Codes follow the 13-character form AAA.BB.CC.DDD of QĐ 20/2020/QĐ-TTg. Only the UBND tỉnh's code
/// (000.00.00.H41) is known; all others are placeholders until the province's published list is imported:
/// 000.00.01–29.H41 agencies of the UBND tỉnh, 000.00.30–39.H41 other provincial bodies,
/// 000.00.40–60.H41 the district-level units of 2022, and 000.BB.CC.H41 a commune of 2025, numbered BB
/// within the 2022 district CC its seat lies in.
/// </remarks>
public static partial class DemoUnits
{
    public sealed record DemoUnit(string Code, string Name, string? ShortName, string[] Aliases, UnitKind Kind,
        string? ParentCode, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, string? SuccessorCode = null, int SortOrder = 0);

    public const string UbndTinh = "000.00.00.H41";
    public const string SoNoiVu = "000.00.02.H41";
    public const string SoTuPhap = "000.00.03.H41";
    public const string SoTaiChinh = "000.00.05.H41";
    public const string ThanhTraTinh = "000.00.19.H41";

    private const string SoXayDung = "000.00.09.H41";
    private const string SoKhoaHocCongNghe = "000.00.15.H41";
    private const string SoNongNghiepMoiTruong = "000.00.22.H41";
    private const string SoDanTocTonGiao = "000.00.23.H41";
    private const string SoVanHoaTheThaoDuLich = "000.00.24.H41";

    /// <summary>Departments merged on 1/3/2025 (the national pattern; Nghệ An's exact list is [U]).</summary>
    private static readonly DateOnly DepartmentsMerged = new(2025, 3, 1);

    private static readonly DateOnly LastDayBeforeMerger = DepartmentsMerged.AddDays(-1);

    /// <summary>Two-level local government: the district level ends, the new communes start (1/7/2025).</summary>
    private static readonly DateOnly CommunesFormed = new(2025, 7, 1);

    private static readonly DateOnly LastDayOfDistricts = CommunesFormed.AddDays(-1);

    // Declared after the dates above: static fields initialise in order, and these lists read them.
    public static readonly IReadOnlyList<DemoUnit> All = [.. ProvinceLevel(), .. Localities()];

    public static DemoUnit Find(string code) => All.Single(u => u.Code == code);

    private static DemoUnit[] ProvinceLevel() =>
    [
        new(UbndTinh, "Ủy ban nhân dân tỉnh Nghệ An", "UBND tỉnh", ["UBND tỉnh", "UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh"], UnitKind.Province, null),

        Agency(1, "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", "Văn phòng UBND tỉnh", "VPUBND tỉnh"),
        Agency(2, "Sở Nội vụ", "Sở NV", "SNV"),
        Agency(3, "Sở Tư pháp", "Sở TP", "STP"),
        Agency(4, "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở KHĐT", "SKHĐT", "Sở Kế hoạch - Đầu tư") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoTaiChinh },
        Agency(5, "Sở Tài chính", "Sở TC", "STC"),
        Agency(6, "Sở Công Thương", "Sở CT", "SCT", "Sở Công thương"),
        Agency(7, "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "Sở NNPTNT", "SNNPTNT") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoNongNghiepMoiTruong },
        Agency(8, "Sở Giao thông vận tải", "Sở GTVT", "SGTVT") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoXayDung },
        Agency(9, "Sở Xây dựng", "Sở XD", "SXD"),
        Agency(10, "Sở Tài nguyên và Môi trường", "Sở TN&MT", "Sở TNMT", "STNMT") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoNongNghiepMoiTruong },
        Agency(11, "Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở TTTT", "STTTT") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoKhoaHocCongNghe },
        Agency(12, "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "Sở LĐTBXH", "SLĐTBXH", "Sở Lao động, Thương binh và Xã hội") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoNoiVu },
        Agency(13, "Sở Văn hóa và Thể thao", "Sở VH&TT", "Sở VHTT", "Sở Văn hóa, Thể thao") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoVanHoaTheThaoDuLich },
        Agency(14, "Sở Du lịch", "Sở DL", "SDL") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoVanHoaTheThaoDuLich },
        Agency(15, "Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KHCN", "SKHCN"),
        Agency(16, "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "Sở GDĐT", "SGDĐT"),
        Agency(17, "Sở Y tế", "Sở YT", "SYT"),
        Agency(18, "Sở Ngoại vụ", "Sở NgV", "SNgV"),
        Agency(19, "Thanh tra tỉnh", "Thanh tra tỉnh", "TTr tỉnh", "Thanh tra tỉnh Nghệ An"),
        Agency(20, "Ban Dân tộc", "BDT", "Ban Dân tộc tỉnh") with { ValidTo = LastDayBeforeMerger, SuccessorCode = SoDanTocTonGiao },
        Agency(21, "Ban Quản lý Khu kinh tế Đông Nam", "BQL KKT Đông Nam", "Ban Quản lý KKT Đông Nam", "BQL Khu kinh tế Đông Nam"),

        Agency(22, "Sở Nông nghiệp và Môi trường", "Sở NN&MT", "Sở NNMT", "SNNMT") with { ValidFrom = DepartmentsMerged },
        Agency(23, "Sở Dân tộc và Tôn giáo", "Sở DT&TG", "Sở DTTG", "SDTTG") with { ValidFrom = DepartmentsMerged },
        Agency(24, "Sở Văn hóa, Thể thao và Du lịch", "Sở VH,TT&DL", "Sở VHTTDL", "SVHTTDL") with { ValidFrom = DepartmentsMerged },

        Body(30, "Công an tỉnh", "Công an tỉnh", "CA tỉnh", "Công an tỉnh Nghệ An"),
        Body(31, "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCHQS tỉnh", "Bộ Chỉ huy quân sự tỉnh Nghệ An"),
        Body(32, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ tỉnh", "Ủy ban MTTQ tỉnh", "MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        Body(33, "Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH tỉnh", "Đài PTTH tỉnh", "Đài Phát thanh và Truyền hình Nghệ An"),
        Body(34, "Báo Nghệ An", "Báo Nghệ An"),
    ];

    /// <param name="shortName">How documents usually abbreviate the unit; it is one of the aliases too.</param>
    private static DemoUnit Agency(int cc, string name, string shortName, params string[] aliases) =>
        new($"000.00.{cc:00}.H41", name, shortName, [shortName, .. aliases], UnitKind.Department, UbndTinh, SortOrder: cc);

    private static DemoUnit Body(int cc, string name, string shortName, params string[] aliases) =>
        Agency(cc, name, shortName, aliases) with { Kind = UnitKind.ProvincialBody };
}
