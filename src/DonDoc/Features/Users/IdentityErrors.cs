using Microsoft.AspNetCore.Identity;

namespace DonDoc.Features.Users;

/// <summary>Sorts Identity's (already Vietnamese) messages under the form field they concern.</summary>
internal static class IdentityErrors
{
    public static Dictionary<string, string[]> ByField(IEnumerable<IdentityError> errors, string passwordField = "password") =>
        errors.GroupBy(e => FieldOf(e.Code, passwordField))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray());

    private static string FieldOf(string code, string passwordField) => code switch
    {
        "DuplicateUserName" or "InvalidUserName" => "userName",
        "DuplicateEmail" or "InvalidEmail" => "email",
        "PasswordMismatch" => "currentPassword",
        "CommonPassword" => passwordField,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        _ => "user",
    };
}
