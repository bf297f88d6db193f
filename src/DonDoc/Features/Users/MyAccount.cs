using System.Text;
using DonDoc.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace DonDoc.Features.Users;

/// <summary>What a signed-in person changes about their own account: password and two-step verification.</summary>
public sealed class MyAccount(DonDocDbContext db, UserManager<User> users)
{
    public const string Issuer = "DonDoc";
    public const int RecoveryCodeCount = 10;

    /// <param name="StampChanged">A new key was made, which gives the user a new security stamp.</param>
    public sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrCode, bool StampChanged);

    public async Task<SaveResult<User>> ChangePasswordAsync(int userId, string? current, string? next, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, userId, ct) is not { } user)
            return NotFound();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(current))
            errors["currentPassword"] = ["Hãy nhập mật khẩu hiện tại."];
        if (string.IsNullOrEmpty(next))
            errors["newPassword"] = ["Hãy nhập mật khẩu mới."];
        else if (next == current)
            errors["newPassword"] = ["Mật khẩu mới phải khác mật khẩu hiện tại."];
        if (errors.Count > 0)
            return SaveResult<User>.Fail(errors);
        if (!await users.CheckPasswordCountingFailureAsync(user, current!))
            return WrongPassword();
        var result = await users.ChangePasswordAsync(user, current!, next!);
        return result.Succeeded
            ? SaveResult<User>.Success(user)
            : SaveResult<User>.Fail(IdentityErrors.ByField(result.Errors, passwordField: "newPassword"));
    }

    public async Task<int> RecoveryCodesLeftAsync(int userId, CancellationToken ct = default) =>
        await FreshUsers.LoadAsync(db, userId, ct) is { } user ? await users.CountRecoveryCodesAsync(user) : 0;

    /// <summary>The key to enter in an authenticator app (Google Authenticator, Microsoft Authenticator...), also as a QR code.</summary>
    public async Task<AuthenticatorSetup?> AuthenticatorSetupAsync(int userId, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, userId, ct) is not { } user)
            return null;
        var key = await users.GetAuthenticatorKeyAsync(user);
        var stampChanged = false;
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            stampChanged = true;
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        return new AuthenticatorSetup(Grouped(key), uri, QrCode(uri), stampChanged);
    }

    /// <summary>Turns two-step verification on once the person proves their app makes the right codes; returns the recovery codes.</summary>
    public async Task<SaveResult<IReadOnlyList<string>>> EnableTwoFactorAsync(int userId, string? code, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, userId, ct) is not { } user)
            return SaveResult<IReadOnlyList<string>>.Fail("id", "Không tìm thấy người dùng.");
        var digits = (code ?? "").Replace(" ", "").Replace("-", "");
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            return SaveResult<IReadOnlyList<string>>.Fail("code", "Mã xác thực gồm 6 chữ số.");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            return SaveResult<IReadOnlyList<string>>.Fail("code",
                "Mã xác thực không đúng hoặc đã hết hạn; hãy nhập mã đang hiển thị trong ứng dụng và kiểm tra giờ của điện thoại.");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return SaveResult<IReadOnlyList<string>>.Success([.. codes!]);
    }

    /// <summary>New recovery codes replace the old ones, e.g. when those were used up or may have been seen.</summary>
    public async Task<SaveResult<IReadOnlyList<string>>> NewRecoveryCodesAsync(int userId, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, userId, ct) is not { TwoFactorEnabled: true } user)
            return SaveResult<IReadOnlyList<string>>.Fail("code", "Xác thực hai bước chưa được bật.");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return SaveResult<IReadOnlyList<string>>.Success([.. codes!]);
    }

    /// <summary>Turns two-step verification off; asks for the password so that an unattended session cannot.</summary>
    public async Task<SaveResult<User>> DisableTwoFactorAsync(int userId, string? password, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, userId, ct) is not { } user)
            return NotFound();
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordCountingFailureAsync(user, password))
            return WrongPassword();
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        // A new key means turning it on again needs a new scan: a phone that held the old key no longer works.
        if (result.Succeeded)
            result = await users.ResetAuthenticatorKeyAsync(user);
        return result.Succeeded ? SaveResult<User>.Success(user) : SaveResult<User>.Fail(IdentityErrors.ByField(result.Errors));
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    private static SaveResult<User> WrongPassword() => SaveResult<User>.Fail("currentPassword", "Mật khẩu hiện tại không đúng.");

    private static SaveResult<User> NotFound() => SaveResult<User>.Fail("id", "Không tìm thấy người dùng.");
}
