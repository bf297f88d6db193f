using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Users;

/// <summary>What an administrator enters for a user besides the user name and the password.</summary>
public sealed record UserDetails(string? FullName, string? Position, string? Email, int? UnitId, string? Role);

/// <summary>
/// Creates and changes users for the admin page, the API and the create-admin command. Each user has exactly
/// one role and belongs to a unit in force; an administrator cannot lock themselves out of administration.
/// </summary>
public sealed class SaveUser(DonDocDbContext db, UserManager<User> users, RoleManager<Role> roles, CurrentActor actor, TimeProvider clock,
    Reauthentication reauthentication)
{
    public async Task<SaveResult<User>> CreateAsync(string? userName, string? password, UserDetails details, CancellationToken ct = default)
    {
        if (!await reauthentication.AllowsChangeAsync())
            return Unconfirmed();
        db.ChangeTracker.Clear();
        var user = new User { UserName = userName?.Trim() ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        var errors = await ValidateAsync(user, details, [], ct);
        if (user.UserName.Length == 0)
            errors["userName"] = ["Tên đăng nhập không được để trống."];
        if (string.IsNullOrEmpty(password))
            errors["password"] = ["Hãy nhập mật khẩu ban đầu."];
        Apply(user, details);
        // Identity would stop at the first failing check; asking every validator shows all problems at once.
        if (user.UserName.Length > 0)
        {
            foreach (var validator in users.UserValidators)
                Merge(errors, await validator.ValidateAsync(users, user));
        }
        if (!string.IsNullOrEmpty(password))
        {
            foreach (var validator in users.PasswordValidators)
                Merge(errors, await validator.ValidateAsync(users, user, password));
        }
        if (errors.Count > 0)
            return SaveResult<User>.Fail(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password!);
        if (result.Succeeded)
            result = await SetRoleAsync(user, [], Canonical(details.Role)!, ct);
        if (!result.Succeeded)
            return SaveResult<User>.Fail(IdentityErrors.ByField(result.Errors));
        await tx.CommitAsync(ct);
        return SaveResult<User>.Success(user);
    }

    public async Task<SaveResult<User>> UpdateAsync(int id, UserDetails details, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, id, ct) is not { } user)
            return NotFound();
        if (!await reauthentication.AllowsChangeAsync())
            return Unconfirmed();
        var currentRoles = await users.GetRolesAsync(user);
        var errors = await ValidateAsync(user, details, currentRoles, ct);
        if (errors.Count > 0)
            return SaveResult<User>.Fail(errors);
        var role = Canonical(details.Role)!;
        var roleChanged = !currentRoles.SequenceEqual([role]);
        var unitChanged = user.UnitId != details.UnitId;
        Apply(user, details);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && roleChanged)
            result = await SetRoleAsync(user, currentRoles, role, ct);
        // Unit and role are in the sign-in cookie: a new security stamp ends sessions that still carry the old ones.
        if (result.Succeeded && (roleChanged || unitChanged))
            result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            return SaveResult<User>.Fail(IdentityErrors.ByField(result.Errors));
        await tx.CommitAsync(ct);
        return SaveResult<User>.Success(user);
    }

    public async Task<SaveResult<User>> DeactivateAsync(int id, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, id, ct) is not { } user)
            return NotFound();
        if (!await reauthentication.AllowsChangeAsync())
            return Unconfirmed();
        if (await IsSelfAsync(user))
            return SaveResult<User>.Fail("id", "Bạn không thể tự vô hiệu hóa tài khoản của chính mình.");
        user.IsActive = false;
        // The new stamp (saved with the flag) signs the user out of open sessions.
        return Outcome(user, await users.UpdateSecurityStampAsync(user));
    }

    public async Task<SaveResult<User>> ActivateAsync(int id, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, id, ct) is not { } user)
            return NotFound();
        if (!await reauthentication.AllowsChangeAsync())
            return Unconfirmed();
        user.IsActive = true;
        return Outcome(user, await users.UpdateAsync(user));
    }

    /// <summary>Sets a new password chosen by the administrator; the user's open sessions end.</summary>
    public async Task<SaveResult<User>> ResetPasswordAsync(int id, string? password, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, id, ct) is not { } user)
            return NotFound();
        if (!await reauthentication.AllowsChangeAsync())
            return Unconfirmed();
        if (string.IsNullOrEmpty(password))
            return SaveResult<User>.Fail("password", "Hãy nhập mật khẩu mới.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return Outcome(user, await users.ResetPasswordAsync(user, token, password));
    }

    /// <summary>Ends a lockout after too many wrong passwords, before it would expire by itself.</summary>
    public async Task<SaveResult<User>> UnlockAsync(int id, CancellationToken ct = default)
    {
        if (await FreshUsers.LoadAsync(db, id, ct) is not { } user)
            return NotFound();
        if (!await reauthentication.AllowsChangeAsync())
            return Unconfirmed();
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
            result = await users.ResetAccessFailedCountAsync(user);
        return Outcome(user, result);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(User user, UserDetails d, IList<string> currentRoles, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fullName = d.FullName?.Trim() ?? "";
        if (fullName.Length == 0)
            errors["fullName"] = ["Họ và tên không được để trống."];
        else if (fullName.Length > 200)
            errors["fullName"] = ["Họ và tên dài tối đa 200 ký tự."];
        if (d.Position?.Trim().Length > 200)
            errors["position"] = ["Chức vụ dài tối đa 200 ký tự."];
        var email = d.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors["email"] = [$"Thư điện tử '{email}' không hợp lệ."];

        if (d.UnitId is not { } unitId)
            errors["unitId"] = ["Hãy chọn đơn vị của người dùng."];
        else if (unitId != user.UnitId)
        {
            // Only a new assignment must be to a unit in force: a user may stay in a unit merged since.
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
            if (unit is null)
                errors["unitId"] = ["Không tìm thấy đơn vị đã chọn."];
            else if (!unit.IsActiveOn(VietnamTime.Today(clock)))
                errors["unitId"] = [$"Đơn vị '{unit.Name}' đã hết hiệu lực; hãy chọn một đơn vị đang hoạt động."];
        }

        var role = Canonical(d.Role);
        if (string.IsNullOrWhiteSpace(d.Role))
            errors["role"] = ["Hãy chọn vai trò."];
        else if (role is null)
            errors["role"] = [$"Vai trò '{d.Role}' không hợp lệ. Các vai trò: {string.Join(", ", Roles.All.Select(r => $"{r} ({Roles.Label(r)})"))}."];
        else if (role != Roles.Admin && currentRoles.Contains(Roles.Admin) && await IsSelfAsync(user))
            errors["role"] = ["Bạn không thể tự bỏ vai trò Quản trị hệ thống của chính mình."];
        return errors;
    }

    private static void Apply(User user, UserDetails d)
    {
        user.FullName = d.FullName?.Trim() ?? "";
        user.Position = string.IsNullOrWhiteSpace(d.Position) ? null : d.Position.Trim();
        user.Email = string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim();
        user.UnitId = d.UnitId ?? 0;
    }

    private async Task<IdentityResult> SetRoleAsync(User user, IList<string> current, string role, CancellationToken ct)
    {
        if (!await roles.RoleExistsAsync(role) && await roles.CreateAsync(new Role(role)) is { Succeeded: false } failed)
            return failed;
        var others = current.Where(r => r != role).ToList();
        var result = others.Count > 0 ? await users.RemoveFromRolesAsync(user, others) : IdentityResult.Success;
        if (result.Succeeded && !current.Contains(role))
            result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
            return result;
        // Role links are not audited entities, yet who made whom an administrator is what the log is for.
        var who = await actor.GetAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = who.UserId,
            UserName = who.UserName,
            Action = AuditAction.Updated,
            EntityType = nameof(User),
            EntityId = user.Id.ToString(CultureInfo.InvariantCulture),
            Changes = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["Role"] = new { old = current.Count > 0 ? string.Join(", ", current) : null, @new = role },
            }),
        });
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    private async Task<bool> IsSelfAsync(User user) => user.Id != 0 && (await actor.PrincipalAsync()).UserId() == user.Id;

    private static string? Canonical(string? role) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static void Merge(Dictionary<string, string[]> errors, IdentityResult result)
    {
        foreach (var (field, messages) in IdentityErrors.ByField(result.Errors))
            errors[field] = [.. errors.GetValueOrDefault(field, []), .. messages];
    }

    private static SaveResult<User> Outcome(User user, IdentityResult result) =>
        result.Succeeded ? SaveResult<User>.Success(user) : SaveResult<User>.Fail(IdentityErrors.ByField(result.Errors));

    private static SaveResult<User> Unconfirmed() => SaveResult<User>.Fail(Reauthentication.ErrorKey, Reauthentication.Message);

    private static SaveResult<User> NotFound() => SaveResult<User>.Fail("id", "Không tìm thấy người dùng.");
}

internal static class FreshUsers
{
    /// <summary>
    /// Reads the user anew. A Blazor circuit keeps one DbContext for its whole life, so an entity tracked
    /// earlier would carry stale values (and a stale concurrency stamp) into the next change.
    /// </summary>
    public static Task<User?> LoadAsync(DonDocDbContext db, int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
    }
}
