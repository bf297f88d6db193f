using System.Globalization;
using System.Security.Cryptography;
using DonDoc.Data;
using DonDoc.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.JSInterop;

namespace DonDoc.Features.Users;

/// <summary>
/// Changing one's own password or two-step settings gives the account a new security stamp, while the open
/// circuit and the sign-in cookie still carry the old one: revalidation would sign the person out within
/// minutes. This brings both up to date. The cookie is renewed through a two-minute ticket that only this
/// circuit knows, so another session of the same account (the one a password change is meant to end) gains nothing.
/// </summary>
public sealed class SessionRefresh(
    DonDocDbContext db, SignInManager<User> signIn, AuthenticationStateProvider auth, IJSRuntime js,
    IDataProtectionProvider protection, ILogger<SessionRefresh> log)
{
    public const string Path = "/api/v1/me/session";

    public sealed record Ticket(string? Value);

    public async Task RefreshAsync(int userId)
    {
        if (await FreshUsers.LoadAsync(db, userId, CancellationToken.None) is not { } user)
            return;
        if (auth is IHostEnvironmentAuthenticationStateProvider circuit)
            circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(await signIn.CreateUserPrincipalAsync(user))));
        var ticket = NewTicket(protection, user);
        try
        {
            await js.InvokeVoidAsync("fetch", Path, new
            {
                method = "POST",
                credentials = "same-origin",
                headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                body = System.Text.Json.JsonSerializer.Serialize(new { value = ticket }),
            });
        }
        catch (JSException ex)
        {
            // Not fatal: the old cookie fails its next stamp check and the person signs in again.
            log.LogWarning(ex, "Could not renew the sign-in cookie of user {UserId}", user.Id);
        }
    }

    /// <summary>Re-issues the cookie of the request's user when the ticket names that user and their current stamp.</summary>
    internal static async Task<Results<NoContent, BadRequest>> RenewCookieAsync(
        Ticket ticket, CurrentActor actor, SignInManager<User> signIn, IDataProtectionProvider protection)
    {
        if (string.IsNullOrEmpty(ticket.Value))
            return TypedResults.BadRequest();
        string payload;
        try
        {
            payload = Protector(protection).Unprotect(ticket.Value);
        }
        catch (CryptographicException)
        {
            return TypedResults.BadRequest();
        }
        var parts = payload.Split('|', 2);
        var user = await signIn.UserManager.GetUserAsync(await actor.PrincipalAsync());
        if (user is null || parts.Length != 2 || parts[0] != user.Id.ToString(CultureInfo.InvariantCulture) || parts[1] != user.SecurityStamp)
            return TypedResults.BadRequest();
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    internal static string NewTicket(IDataProtectionProvider protection, User user) =>
        Protector(protection).Protect($"{user.Id}|{user.SecurityStamp}", TimeSpan.FromMinutes(2));

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("DonDoc.SessionRefresh").ToTimeLimitedDataProtector();
}
