using DonDoc.Features.Users;
using Microsoft.AspNetCore.Authorization;

namespace DonDoc.Security;

/// <summary>Named permissions; pages and endpoints ask for these, never for raw role names.</summary>
public static class Policies
{
    public const string ManageUnits = nameof(ManageUnits);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>Create and edit the province's plans and tasks, assign units (Sở Nội vụ's coordinator).</summary>
    public const string ManagePlans = nameof(ManagePlans);

    /// <summary>Write plans: the province's (coordinator) or one's own unit's (unit head, officer); which ones is decided per plan.</summary>
    public const string WritePlans = nameof(WritePlans);

    /// <summary>Accept or return completions, decide extensions.</summary>
    public const string ReviewProgress = nameof(ReviewProgress);

    /// <summary>Report progress and request extensions for one's own unit.</summary>
    public const string ReportProgress = nameof(ReportProgress);

    /// <summary>Give directions (ý kiến chỉ đạo) on tasks.</summary>
    public const string GiveDirections = nameof(GiveDirections);

    /// <summary>Read a period's consolidation: the province-wide roles who use the province's report.</summary>
    public const string ReadConsolidation = nameof(ReadConsolidation);

    /// <summary>Add and remove extra days off and swapped working days in the working calendar.</summary>
    public const string ManageCalendar = nameof(ManageCalendar);

    public static void Add(AuthorizationOptions o)
    {
        // Anything not marked otherwise needs a signed-in user: a forgotten endpoint fails closed.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(ManageUnits, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(ManageCalendar, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(ViewAudit, p => p.RequireRole(Roles.Admin, Roles.Inspector));
        o.AddPolicy(ManagePlans, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
        o.AddPolicy(WritePlans, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer));
        o.AddPolicy(ReviewProgress, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
        o.AddPolicy(ReportProgress, p => p.RequireRole(Roles.UnitHead, Roles.UnitOfficer));
        o.AddPolicy(GiveDirections, p => p.RequireRole(Roles.Leader));
        o.AddPolicy(ReadConsolidation, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Inspector));
    }
}
