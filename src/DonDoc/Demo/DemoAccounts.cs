using System.Text;
using DonDoc.Features.Users;

namespace DonDoc.Demo;

/// <summary>
/// The demo accounts, all sharing <see cref="DemoData.Password"/>; they exist only when the demo data is loaded.
/// One per role, plus a second sở and a commune so that unit scope can be shown: the officer of Sở Tài chính
/// and the people of Phường Trường Vinh see their own unit, not Sở Tư pháp's.
/// </summary>
public static class DemoAccounts
{
    public sealed record Account(string UserName, string FullName, string Position, string Role, string UnitCode);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", "Nguyễn Văn Quản", "Quản trị hệ thống", Roles.Admin, DemoUnits.SoNoiVu),
        new("daumoi", "Trần Thị Hương", "Chuyên viên Phòng Cải cách hành chính", Roles.Coordinator, DemoUnits.SoNoiVu),
        new("lanhdao", "Lê Hồng Vinh", "Phó Chủ tịch UBND tỉnh", Roles.Leader, DemoUnits.UbndTinh),
        new("thutruong.stp", "Hoàng Minh Đức", "Giám đốc Sở Tư pháp", Roles.UnitHead, DemoUnits.SoTuPhap),
        new("chuyenvien.stp", "Phạm Thị Lan", "Chuyên viên Văn phòng Sở", Roles.UnitOfficer, DemoUnits.SoTuPhap),
        new("canbo.stp", "Đặng Văn Nam", "Công chức", Roles.Staff, DemoUnits.SoTuPhap),
        new("chuyenvien.stc", "Bùi Thị Mai", "Chuyên viên Văn phòng Sở", Roles.UnitOfficer, DemoUnits.SoTaiChinh),
        new("thutruong.ptv", "Ngô Đình Khánh", "Chủ tịch UBND phường", Roles.UnitHead, DemoUnits.PhuongTruongVinh),
        new("chuyenvien.ptv", "Lưu Thị Hà", "Công chức Văn phòng - Thống kê", Roles.UnitOfficer, DemoUnits.PhuongTruongVinh),
        new("thanhtra", "Võ Thị Thanh", "Thanh tra viên", Roles.Inspector, DemoUnits.ThanhTraTinh),
    ];

    /// <summary>The accounts as the Markdown table of the README, so that the two can be compared.</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder()
            .AppendLine("| Tên đăng nhập | Vai trò | Đơn vị | Chức vụ |")
            .AppendLine("|---|---|---|---|");
        foreach (var a in All)
            table.AppendLine($"| `{a.UserName}` | {Roles.Label(a.Role)} | {DemoUnits.Find(a.UnitCode).Name} | {a.Position} |");
        return table.ToString();
    }
}
