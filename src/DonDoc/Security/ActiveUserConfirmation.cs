using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace DonDoc.Security;

/// <summary>Identity asks this before any sign-in: a deactivated user cannot sign in at all.</summary>
internal sealed class ActiveUserConfirmation : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(user.IsActive);
}
