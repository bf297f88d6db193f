using System.Text.Encodings.Web;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Security;

/// <summary>Authenticates "Authorization: Bearer ddk_..." against the stored hashes of personal access tokens.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DonDocDbContext db,
    UserManager<User> users,
    IOptions<IdentityOptions> identity,
    IOptions<SessionPolicy> session,
    SecurityEvents events,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var hash = PersonalAccessToken.HashOf(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        // The token, its user and the user's role names in one round trip (a row per role): this runs before every API
        // request. Joined row by row rather than as a collection, which SQLite would build for every user first.
        var rows = await (
                from t in db.PersonalAccessTokens.Where(t => t.Hash == hash)
                join ur in db.UserRoles on t.UserId equals ur.UserId into userRoles
                from ur in userRoles.DefaultIfEmpty()
                join r in db.Roles on ur!.RoleId equals r.Id into roles
                from r in roles.DefaultIfEmpty()
                select new { Token = t, t.User, Role = r!.Name })
            .ToListAsync();
        var found = rows.FirstOrDefault();
        if (found?.User is not { IsActive: true } user || !found.Token.IsUsableAt(now))
        {
            await events.RecordAsync(AuditAction.TokenRefused, found?.User, found is null ? "(token không rõ)" : null);
            return AuthenticateResult.Fail("Token không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        }
        if (await users.IsLockedOutAsync(user))
            return AuthenticateResult.Fail("Tài khoản đang bị khóa.");
        // One write a minute at most, and one line in the log with it: a busy script must not turn every read into a write.
        var token = found.Token;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
            await events.RecordAsync(AuditAction.TokenUsed, user);
        }
        var principal = DonDocClaimsFactory.Create(user, rows.Select(r => r.Role).OfType<string>(), identity.Value, session.Value);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(TokenScopes.Claim, token.Scope.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
