using DonDoc.Features.Users;

namespace DonDoc.Demo;

/// <summary>One demo account per role; the README lists them. All share <see cref="DemoData.Password"/>.</summary>
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
        new("thanhtra", "Võ Thị Thanh", "Thanh tra viên", Roles.Inspector, DemoUnits.ThanhTraTinh),
    ];
}
