using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DonDoc.Security;

/// <summary>
/// The sign-in cookie ends after <see cref="SessionPolicy.IdleTimeout"/> without requests (it slides with each one)
/// and, however active the person, <see cref="SessionPolicy.SessionLifetime"/> after the password was entered.
/// The sign-in time rides in the ticket's properties, which renewals and security-stamp refreshes keep.
/// Open pages make no requests of their own; <c>SessionWatch</c> renews the cookie for them while their user is active.
/// </summary>
internal static class SessionLifetime
{
    private const string SignedInKey = "dondoc.signed_in";

    public static void Apply(CookieAuthenticationOptions o, SessionPolicy policy)
    {
        o.ExpireTimeSpan = policy.IdleTimeout;
        o.SlidingExpiration = true;
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = context =>
        {
            context.Properties.Items.TryAdd(SignedInKey, context.Options.TimeProvider!.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
            return signingIn(context);
        };
        var validate = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async context =>
        {
            if (IsPast(context.Properties, context.Options.TimeProvider!.GetUtcNow(), policy.SessionLifetime))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
        };
    }

    /// <summary>A ticket without a sign-in time was issued before this rule; the idle timeout still ends it.</summary>
    private static bool IsPast(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime) =>
        properties.Items.TryGetValue(SignedInKey, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var ticks)
        && now - new DateTimeOffset(ticks, TimeSpan.Zero) > lifetime;
}
