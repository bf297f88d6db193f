using DonDoc.Features.Users;
using Microsoft.AspNetCore.Authorization;

namespace DonDoc.Security;

/// <summary>Named permissions; pages and endpoints ask for these, never for raw role names.</summary>
public static class Policies
{
    public const string ManageUnits = nameof(ManageUnits);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ViewAudit = nameof(ViewAudit);

    public static void Add(AuthorizationOptions o)
    {
        // Anything not marked otherwise needs a signed-in user: a forgotten endpoint fails closed.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(ManageUnits, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(ViewAudit, p => p.RequireRole(Roles.Admin, Roles.Inspector));
    }
}
