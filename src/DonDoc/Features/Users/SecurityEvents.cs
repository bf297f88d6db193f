using System.Globalization;
using System.Text.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;

namespace DonDoc.Features.Users;

/// <summary>
/// Sign-ins, failed attempts, lockouts and token use go into the audit log beside data changes, so an inspector
/// sees who tried to get in, from where, and when.
/// </summary>
public sealed class SecurityEvents(DonDocDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    private const int NameLength = 256;

    /// <param name="attemptedName">What was typed as the user name when no such user exists.</param>
    public async Task RecordAsync(AuditAction kind, User? user, string? attemptedName = null, CancellationToken ct = default)
    {
        var name = user?.UserName ?? attemptedName?.Trim() ?? "";
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user?.Id,
            UserName = name.Length > NameLength ? name[..NameLength] : name,
            Action = kind,
            EntityType = nameof(User),
            EntityId = user?.Id.ToString(CultureInfo.InvariantCulture) ?? "",
            Changes = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["ip"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
                ["userAgent"] = http.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 200)] : null,
            }),
        });
        await db.SaveChangesAsync(ct);
    }
}
