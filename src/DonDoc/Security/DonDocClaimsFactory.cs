using System.Security.Claims;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DonDoc.Security;

/// <summary>Adds the user's unit and full name, which scoping and the app bar read on every request.</summary>
internal sealed class DonDocClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.UnitClaim, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.FullNameClaim, user.FullName));
        return identity;
    }
}
