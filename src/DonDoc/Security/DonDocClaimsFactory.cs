using System.Globalization;
using System.Security.Claims;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DonDoc.Security;

/// <summary>
/// What a signed-in person's principal holds: Identity's id, name, e-mail, security stamp and roles, the user's
/// unit and full name, which scoping and the app bar read on every request, and a mark on a user whose role
/// requires two-step verification but who has not set it up yet (<see cref="TwoFactorGate"/>). DonDoc keeps no
/// user or role claims in the database, so the roles are the one query; a token's sign-in reads them with the
/// token itself (<see cref="PersonalAccessTokenHandler"/>).
/// </summary>
internal sealed class DonDocClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, IOptions<SessionPolicy> session)
    : IUserClaimsPrincipalFactory<User>
{
    public async Task<ClaimsPrincipal> CreateAsync(User user) => Create(user, await users.GetRolesAsync(user), options.Value, session.Value);

    public static ClaimsPrincipal Create(User user, IEnumerable<string> roles, IdentityOptions options, SessionPolicy session)
    {
        var types = options.ClaimsIdentity;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email)
            identity.AddClaim(new Claim(types.EmailClaimType, email));
        identity.AddClaim(new Claim(types.SecurityStampClaimType, user.SecurityStamp ?? ""));
        var roleNames = roles.ToList();
        identity.AddClaims(roleNames.Select(r => new Claim(types.RoleClaimType, r)));
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.UnitClaim, user.UnitId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimsPrincipalExtensions.FullNameClaim, user.FullName));
        if (!user.TwoFactorEnabled && session.RequiresTwoFactor(roleNames))
            identity.AddClaim(new Claim(ClaimsPrincipalExtensions.MustEnrolTwoFactorClaim, "true"));
        return new ClaimsPrincipal(identity);
    }
}
