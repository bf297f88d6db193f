using System.Globalization;
using System.Security.Cryptography;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DonDoc.Security;

/// <summary>
/// Changes to users and roles need the actor's password entered within the last few minutes (ASVS 4.0.3 §3.7.1), so
/// a session left open on an office computer cannot be used to make someone an administrator. A circuit remembers
/// the confirmation for its own lifetime (this service is scoped); an API client gets a short-lived cookie from
/// <c>POST /api/v1/me/reauthenticate</c>, bound to the user and their security stamp.
/// </summary>
public sealed class Reauthentication(
    UserManager<User> users, CurrentActor actor, SecurityEvents events, TimeProvider clock,
    IOptions<SessionPolicy> options, IDataProtectionProvider protection)
{
    public const string CookieName = "dondoc.reauth";
    public const string ErrorKey = "reauthentication";
    public const string Message = "Thay đổi người dùng cần xác nhận: hãy nhập lại mật khẩu của bạn.";

    private DateTimeOffset _confirmedUntil = DateTimeOffset.MinValue;

    /// <summary>Whether the change may go ahead: confirmed recently, or made by the system itself (commands, demo data).</summary>
    public async Task<bool> AllowsChangeAsync() =>
        (await actor.PrincipalAsync()).Identity?.IsAuthenticated != true || _confirmedUntil > clock.GetUtcNow();

    /// <summary>Checks the actor's password; a wrong one counts toward lockout as at the login form.</summary>
    public async Task<SaveResult<User>> ConfirmAsync(string? password)
    {
        if (await users.GetUserAsync(await actor.PrincipalAsync()) is not { IsActive: true } user || await users.IsLockedOutAsync(user))
            return SaveResult<User>.Fail("password", "Tài khoản không còn dùng được; hãy đăng nhập lại.");
        if (!await users.CheckPasswordCountingFailureAsync(user, password ?? ""))
        {
            await events.RecordAsync(AuditAction.ReauthFailed, user);
            return SaveResult<User>.Fail("password", "Mật khẩu không đúng.");
        }
        await users.ResetAccessFailedCountAsync(user);
        _confirmedUntil = clock.GetUtcNow() + options.Value.ReauthenticationWindow;
        return SaveResult<User>.Success(user);
    }

    /// <summary>The cookie an API client sends back with its next changes; valid as long as the confirmation.</summary>
    public string CookieFor(User user) =>
        Protector().Protect(Payload(user, _confirmedUntil.UtcTicks));

    /// <summary>Takes a confirmation made by an earlier request of the same user, if the cookie holds one.</summary>
    public async Task AcceptCookieAsync(string? value)
    {
        if (string.IsNullOrEmpty(value) || await users.GetUserAsync(await actor.PrincipalAsync()) is not { } user)
            return;
        try
        {
            var payload = Protector().Unprotect(value);
            if (!long.TryParse(payload[(payload.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture, out var ticks) || payload != Payload(user, ticks))
                return;
            var until = new DateTimeOffset(ticks, TimeSpan.Zero);
            if (until > clock.GetUtcNow())
                _confirmedUntil = until;
        }
        catch (CryptographicException)
        {
            // Forged or made with other keys: the change is refused as unconfirmed.
        }
    }

    // The expiry travels in the payload and is checked against the app's clock, the one that set it.
    private static string Payload(User user, long untilTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{user.Id}|{user.SecurityStamp}|{untilTicks}");

    private IDataProtector Protector() => protection.CreateProtector("DonDoc.Reauthentication");
}
