using Microsoft.AspNetCore.Identity;

namespace DonDoc.Features.Users;

public static class PasswordChecks
{
    /// <summary>
    /// A password asked for again inside a session (to change it, to turn off two steps, to confirm a change to users):
    /// a wrong one counts like one at the login form, so a left-open session cannot be used to guess it.
    /// </summary>
    public static async Task<bool> CheckPasswordCountingFailureAsync(this UserManager<User> users, User user, string password)
    {
        if (await users.CheckPasswordAsync(user, password))
            return true;
        await users.AccessFailedAsync(user);
        return false;
    }
}
