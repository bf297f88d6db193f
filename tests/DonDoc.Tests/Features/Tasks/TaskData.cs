using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Tasks;

/// <summary>Plans and tasks made through the app's own use cases, and occurrences moved to the states a test needs.</summary>
internal static class TaskData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Sở Nội vụ's coordinator, as the use cases see a signed-in user.</summary>
    public static readonly ClaimsPrincipal Coordinator = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Coordinator)], "test"));

    public static Task<int> PlanAsync(this DonDocApp app, int issuerId, string? symbol = null) =>
        app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<SavePlan>().CreateAsync(Coordinator,
                new PlanInput(symbol ?? $"{Random.Shared.Next(1, 999)}/KH-UBND", new DateOnly(2026, 1, 15), issuerId, "Kế hoạch thử nghiệm", Status: PlanStatus.Issued), Ct);
            Assert.True(result.Ok, result.Message);
            return result.Value!.Id;
        });

    /// <summary>A task node with one assignment per lead unit; returns its occurrences, lead units in the order given.</summary>
    public static Task<List<Occurrence>> TaskAsync(this DonDocApp app, int planId, string text, Schedule schedule, int[] leads, int[]? supporting = null) =>
        app.WithScopeAsync(async sp =>
        {
            var label = Random.Shared.Next(1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await sp.GetRequiredService<SaveTask>().AddAsync(Coordinator, planId,
                new NodeInput(null, label, null, text, true, "Báo cáo", schedule, null, leads, supporting), Ct);
            Assert.True(result.Ok, result.Message);
            var db = sp.GetRequiredService<DonDocDbContext>();
            var occurrences = await db.Occurrences.AsNoTracking().Include(o => o.Assignment)
                .Where(o => o.Assignment!.NodeId == result.Value!.Id).OrderBy(o => o.PeriodStart).ToListAsync(Ct);
            return occurrences.OrderBy(o => Array.IndexOf(leads, o.Assignment!.LeadUnitId)).ToList();
        });

    public static Task<Occurrence> OneOffAsync(this DonDocApp app, int planId, string text, DateOnly due, int lead, int[]? supporting = null) =>
        app.TaskAsync(planId, text, Schedule.Fixed(due), [lead], supporting).ContinueWith(t => Assert.Single(t.Result), TaskScheduler.Default);

    /// <summary>Puts an occurrence in a state directly, as the review use cases would have left it.</summary>
    public static Task SetStateAsync(this DonDocApp app, int occurrenceId, OccurrenceState state, DateOnly? completedOn = null) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var o = await db.Occurrences.FirstAsync(x => x.Id == occurrenceId, Ct);
            o.State = state;
            o.CompletedOn = completedOn;
            o.Reported = state == OccurrenceState.Completed;
            await db.SaveChangesAsync(Ct);
            return 0;
        });

    /// <summary>The principal the app builds for the user at sign-in (roles, unit, full name).</summary>
    public static Task<ClaimsPrincipal> PrincipalAsync(this DonDocApp app, User user) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user));
}
