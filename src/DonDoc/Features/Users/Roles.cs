namespace DonDoc.Features.Users;

/// <summary>The roles of DonDoc. Names are stable identifiers; labels are what people read.</summary>
public static class Roles
{
    public const string Admin = "Admin";              // Quản trị hệ thống
    public const string Coordinator = "Coordinator";  // Đầu mối theo dõi (Sở Nội vụ), province-wide
    public const string Leader = "Leader";            // Lãnh đạo, reads everything
    public const string UnitHead = "UnitHead";        // Thủ trưởng đơn vị
    public const string UnitOfficer = "UnitOfficer";  // Chuyên viên đơn vị
    public const string Staff = "Staff";              // Cán bộ
    public const string Inspector = "Inspector";      // Thanh tra

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Leader, UnitHead, UnitOfficer, Staff, Inspector];

    /// <summary>Roles that see every unit; all others see their own unit and the units under it.</summary>
    public static readonly IReadOnlySet<string> ProvinceWide = new HashSet<string> { Admin, Coordinator, Leader, Inspector };

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Coordinator => "Đầu mối theo dõi",
        Leader => "Lãnh đạo",
        UnitHead => "Thủ trưởng đơn vị",
        UnitOfficer => "Chuyên viên đơn vị",
        Staff => "Cán bộ",
        Inspector => "Thanh tra",
        _ => role,
    };
}
