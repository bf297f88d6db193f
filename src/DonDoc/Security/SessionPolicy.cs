namespace DonDoc.Security;

/// <summary>
/// The province's sign-in rules ("Security" in configuration). Kept as settings because they are the province's
/// decision (ASVS 4.0.3 §2.8, §3.3: L2 asks for 12 hours at most and 30 minutes idle), not the code's.
/// </summary>
public sealed class SessionPolicy
{
    public const string Section = "Security";

    /// <summary>Roles whose users must use two-step verification, comma separated: "Admin,Coordinator" by default.</summary>
    public string TwoFactorRequiredRoles { get; set; } = "";

    /// <summary>A session with no activity for this long ends.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>However active, a session ends this long after the password was entered.</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>How long an entered password confirms sensitive changes (users, roles) before it is asked again.</summary>
    public int ReauthenticationMinutes { get; set; } = 10;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
    public TimeSpan SessionLifetime => TimeSpan.FromHours(SessionHours);
    public TimeSpan ReauthenticationWindow => TimeSpan.FromMinutes(ReauthenticationMinutes);

    public bool RequiresTwoFactor(IEnumerable<string> roles)
    {
        var required = TwoFactorRequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return roles.Any(r => required.Contains(r, StringComparer.OrdinalIgnoreCase));
    }
}
