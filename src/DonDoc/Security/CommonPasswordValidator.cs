using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Security;

/// <summary>Refuses passwords that appear on lists of the most used (and so first guessed) passwords.</summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("DonDoc.Security.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.Trim());
        }
        return set;
    });

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var p = password ?? "";
        var refused = Common.Value.Contains(p)
            || string.Equals(p, user.UserName, StringComparison.OrdinalIgnoreCase)
            || p.Distinct().Count() <= 2;
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Mật khẩu này quá phổ biến hoặc dễ đoán; hãy chọn một cụm từ dài khác.",
            })
            : IdentityResult.Success);
    }
}
