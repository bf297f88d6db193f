using System.Security.Claims;
using DonDoc.Features.Users;

namespace DonDoc.Security;

public static class ClaimsPrincipalExtensions
{
    public const string UnitClaim = "dondoc:unit";
    public const string FullNameClaim = "dondoc:fullname";

    public static int? UserId(this ClaimsPrincipal p) =>
        int.TryParse(p.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static int? UnitId(this ClaimsPrincipal p) =>
        int.TryParse(p.FindFirstValue(UnitClaim), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal p) =>
        p.FindFirstValue(FullNameClaim) ?? p.Identity?.Name ?? "";

    public static bool IsProvinceWide(this ClaimsPrincipal p) => Roles.ProvinceWide.Any(p.IsInRole);
}
