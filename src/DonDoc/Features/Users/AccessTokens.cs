using DonDoc.Data;
using DonDoc.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

/// <summary>Creates and revokes personal access tokens. The secret is shown once and never stored.</summary>
public sealed class AccessTokens(DonDocDbContext db, TimeProvider clock)
{
    public sealed record Created(int Id, string Name, string Secret, DateTime? ExpiresAt);

    public async Task<SaveResult<Created>> CreateAsync(int userId, string name, int? validDays, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
            return SaveResult<Created>.Fail("name", "Tên token phải có từ 1 đến 100 ký tự.");
        if (validDays is < 1 or > 3650)
            return SaveResult<Created>.Fail("validDays", "Thời hạn token phải từ 1 đến 3650 ngày.");
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = PersonalAccessToken.NewSecret();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            Hash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..10],
            CreatedAt = now,
            ExpiresAt = validDays is { } days ? now.AddDays(days) : null,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return SaveResult<Created>.Success(new Created(token.Id, token.Name, secret, token.ExpiresAt));
    }

    /// <summary>Revokes one of the user's own tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PersonalAccessTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct) == 1;
    }
}
