using System.Security.Claims;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DonDoc.Security;

/// <summary>
/// Adds the user's unit and full name, which scoping and the app bar read on every request, and marks a user
/// whose role requires two-step verification but who has not set it up yet (<see cref="TwoFactorGate"/>).
/// </summary>
internal sealed class DonDocClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options,
    IOptions<SessionPolicy> session)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.UnitClaim, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.FullNameClaim, user.FullName));
        if (!user.TwoFactorEnabled && session.Value.RequiresTwoFactor(identity.FindAll(identity.RoleClaimType).Select(c => c.Value)))
            identity.AddClaim(new Claim(ClaimsPrincipalExtensions.MustEnrolTwoFactorClaim, "true"));
        return identity;
    }
}
