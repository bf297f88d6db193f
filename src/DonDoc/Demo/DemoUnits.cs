using DonDoc.Features.Units;

namespace DonDoc.Demo;

/// <summary>
/// Nghệ An's units for the demo. Best public knowledge, not an authoritative register: an administrator
/// corrects it in the app. Codes other than the UBND tỉnh's (000.00.00.H41) follow the QĐ 20/2020 form
/// but are placeholders until the province's published list is imported.
/// </summary>
public static class DemoUnits
{
    public sealed record DemoUnit(string Code, string Name, string? ShortName, string[] Aliases, UnitKind Kind,
        string? ParentCode, DateOnly? ValidFrom = null, DateOnly? ValidTo = null, string? SuccessorCode = null, int SortOrder = 0);

    public const string UbndTinh = "000.00.00.H41";
    public const string SoNoiVu = "000.00.01.H41";
    public const string SoTuPhap = "000.00.02.H41";
    public const string ThanhTraTinh = "000.00.03.H41";

    public static readonly IReadOnlyList<DemoUnit> All =
    [
        new(UbndTinh, "Ủy ban nhân dân tỉnh Nghệ An", "UBND tỉnh", ["UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh"], UnitKind.Province, null),
        new(SoNoiVu, "Sở Nội vụ", "SNV", ["Sở Nội vụ tỉnh Nghệ An"], UnitKind.Department, UbndTinh, SortOrder: 1),
        new(SoTuPhap, "Sở Tư pháp", "STP", ["Sở Tư pháp tỉnh Nghệ An"], UnitKind.Department, UbndTinh, SortOrder: 2),
        new(ThanhTraTinh, "Thanh tra tỉnh", "TTT", ["Thanh tra tỉnh Nghệ An"], UnitKind.Department, UbndTinh, SortOrder: 3),
    ];
}
