using DonDoc.Demo;
using DonDoc.Features.Users;

namespace DonDoc.Bench.Generate;

/// <summary>
/// The accounts the benchmark signs in as, each with <see cref="DemoData.Password"/> and a personal access token
/// whose secret is derived from the user name, so the runner can send "Authorization: Bearer …" without a login.
/// These secrets are public: a generated database is a benchmark fixture, never a live one.
/// </summary>
internal static class BenchAccounts
{
    public sealed record Account(string UserName, string FullName, string Position, string Role, string UnitCode);

    public const string Admin = "admin", Coordinator = "daumoi", Leader = "lanhdao", Officer = "chuyenvien.ubnd", Inspector = "thanhtra";

    /// <summary>
    /// The officer works at the UBND tỉnh: a unit officer sees their unit and the units under it, and only the UBND's
    /// subtree holds enough tasks for a 50th page.
    /// </summary>
    public static readonly IReadOnlyList<Account> All =
    [
        new(Admin, "Nguyễn Văn Quản", "Quản trị hệ thống", Roles.Admin, DemoUnits.SoNoiVu),
        new(Coordinator, "Trần Thị Hương", "Chuyên viên Phòng Cải cách hành chính", Roles.Coordinator, DemoUnits.SoNoiVu),
        new(Leader, "Lê Hồng Vinh", "Phó Chủ tịch UBND tỉnh", Roles.Leader, DemoUnits.UbndTinh),
        new(Officer, "Phạm Thị Lan", "Chuyên viên Văn phòng UBND tỉnh", Roles.UnitOfficer, DemoUnits.UbndTinh),
        new(Inspector, "Võ Thị Thanh", "Thanh tra viên", Roles.Inspector, DemoUnits.ThanhTraTinh),
    ];

    public static string TokenOf(string userName) => $"{PersonalAccessToken.Prefix}bench_{userName}";
}
