using System.Security.Claims;
using DonDoc.Features.Users;

namespace DonDoc.Security;

public static class ClaimsPrincipalExtensions
{
    public const string UnitClaim = "dondoc:unit";
    public const string FullNameClaim = "dondoc:fullname";
    public const string MustEnrolTwoFactorClaim = "dondoc:must_enrol_2fa";

    public static int? UserId(this ClaimsPrincipal p) =>
        int.TryParse(p.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static int? UnitId(this ClaimsPrincipal p) =>
        int.TryParse(p.FindFirstValue(UnitClaim), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal p) =>
        p.FindFirstValue(FullNameClaim) ?? p.Identity?.Name ?? "";

    /// <summary>The user's role requires two-step verification and they have not set it up: they may only do that.</summary>
    public static bool MustEnrolTwoFactor(this ClaimsPrincipal p) => p.HasClaim(c => c.Type == MustEnrolTwoFactorClaim);

    public static bool IsProvinceWide(this ClaimsPrincipal p) => Roles.ProvinceWide.Any(p.IsInRole);
}
