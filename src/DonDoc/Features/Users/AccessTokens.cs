using DonDoc.Data;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

/// <summary>Creates and revokes personal access tokens. The secret is shown once and never stored.</summary>
public sealed class AccessTokens(DonDocDbContext db, TimeProvider clock)
{
    public sealed record Created(int Id, string Name, TokenScope Scope, string Secret, DateTime? ExpiresAt);

    /// <summary>A token as its owner sees it: never the secret, only its first characters.</summary>
    public sealed record TokenDto(int Id, string Name, TokenScope Scope, string Hint, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt,
        DateTime? RevokedAt, bool Usable)
    {
        public string ScopeLabel => Scope.Label();

        public string StatusLabel => RevokedAt is not null ? "Đã thu hồi" : Usable ? "Đang dùng" : "Hết hạn";
    }

    public async Task<List<TokenDto>> ListAsync(int userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new TokenDto(t.Id, t.Name, t.Scope, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt,
                t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)))
            .ToListAsync(ct);
    }

    public async Task<SaveResult<Created>> CreateAsync(int userId, string? name, int? validDays, TokenScope scope = TokenScope.Full,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(scope))
            return SaveResult<Created>.Fail("scope", "Phạm vi token không hợp lệ.");
        name = name?.Trim() ?? "";
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
            Scope = scope,
            Hash = PersonalAccessToken.HashOf(secret),
            Hint = secret[..10],
            CreatedAt = now,
            ExpiresAt = validDays is { } days ? now.AddDays(days) : null,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return SaveResult<Created>.Success(new Created(token.Id, token.Name, token.Scope, secret, token.ExpiresAt));
    }

    /// <summary>Revokes one of the user's own tokens (again, harmlessly); false when the token is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PersonalAccessTokens
            .Where(t => t.Id == tokenId && t.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, t => t.RevokedAt ?? now), ct) == 1;
    }
}
