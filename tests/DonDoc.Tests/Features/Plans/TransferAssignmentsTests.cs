using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Plans;

/// <summary>A unit dissolved mid-plan: its open work passes to its successor, its finished work stays its own.</summary>
public sealed class TransferAssignmentsTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_dissolved_mid_plan_passes_its_open_assignments_to_its_successor_and_keeps_its_finished_ones(Provider provider)
    {
        var app = apps.For(provider);
        var old = await app.UnitAsync("Sở Giao thông vận tải (thử)");
        var successor = await app.UnitAsync("Sở Xây dựng (thử)");
        var other = await app.UnitAsync("Sở Công Thương (thử)");
        var planId = await PlanAsync(app);
        var yearly = await TaskAsync(app, planId, "1", Schedule.Yearly(5, 12, 2024), [old.Id]);
        var oneOff = await TaskAsync(app, planId, "2", Schedule.Fixed(new DateOnly(2025, 6, 30)), [old.Id]);
        var ended = await TaskAsync(app, planId, "3", Schedule.Yearly(5, 12, 2023, lastYear: 2024), [old.Id]);
        var standing = await TaskAsync(app, planId, "4", Schedule.Continuous(2025), [old.Id]);
        var supported = await TaskAsync(app, planId, "5", Schedule.Continuous(2025), [other.Id], [old.Id]);
        await CompleteAsync(app, yearly, "2024", "2025");
        await CompleteAsync(app, oneOff, SchedulePeriods.OncePeriod);
        await CompleteAsync(app, ended, "2023", "2024");
        await CompleteAsync(app, standing, "2025", "2026");

        var moved = await DissolveAsync(app, old.Id, new DateOnly(2026, 6, 30), successor.Id);

        Assert.Equal(2, moved);
        var byNode = (await AssignmentsAsync(app, planId)).ToDictionary(a => a.NodeId);
        Assert.Equal((successor.Id, old.Id), (byNode[yearly].LeadUnitId, byNode[yearly].TransferredFromUnitId));
        Assert.Equal(old.Name, byNode[yearly].TransferredFromUnit!.Name);
        Assert.Equal(["2024", "2025", "2026"], byNode[yearly].Occurrences.OrderBy(o => o.Period).Select(o => o.Period));
        Assert.All(byNode[yearly].Occurrences.Where(o => o.Period != "2026"), o =>
            Assert.Equal((OccurrenceState.Completed, new DateOnly(int.Parse(o.Period), 12, 1)), (o.State, o.CompletedOn)));
        // A standing duty goes on after the unit, however well its past years were reported.
        Assert.Equal((successor.Id, old.Id), (byNode[standing].LeadUnitId, byNode[standing].TransferredFromUnitId));
        Assert.Equal((old.Id, (int?)null), (byNode[oneOff].LeadUnitId, byNode[oneOff].TransferredFromUnitId));
        Assert.Equal((old.Id, (int?)null), (byNode[ended].LeadUnitId, byNode[ended].TransferredFromUnitId));
        Assert.Equal(other.Id, byNode[supported].LeadUnitId);
        Assert.Equal([successor.Id], byNode[supported].SupportingUnits.Select(s => s.UnitId));

        var seen = await TasksSeenByOfficerOfAsync(app, successor, planId);
        Assert.Contains(seen, r => r.NodeId == yearly && r.Period == "2026" && r.LeadUnitName == successor.Name);
        Assert.Contains(seen, r => r.NodeId == supported);
        Assert.DoesNotContain(seen, r => r.NodeId == oneOff || r.NodeId == ended);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Work_follows_the_successor_chain_to_the_unit_that_still_exists(Provider provider)
    {
        var app = apps.For(provider);
        var first = await app.UnitAsync("Ban Dân tộc (thử)");
        var merged = await app.UnitAsync("Sở Dân tộc (thử)");
        var last = await app.UnitAsync("Sở Dân tộc và Tôn giáo (thử)");
        var planId = await PlanAsync(app);
        var task = await TaskAsync(app, planId, "1", Schedule.Yearly(5, 12, 2025), [first.Id], [last.Id]);
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaveUnit>().DeactivateAsync(merged.Id, new DateOnly(2026, 3, 31), last.Id, Ct));

        var moved = await DissolveAsync(app, first.Id, new DateOnly(2025, 12, 31), merged.Id);

        Assert.Equal(1, moved);
        var assignment = Assert.Single(await AssignmentsAsync(app, planId), a => a.NodeId == task);
        Assert.Equal((last.Id, first.Id), (assignment.LeadUnitId, assignment.TransferredFromUnitId));
        // The successor coordinated its predecessor's task; now it leads it, and does not also coordinate it.
        Assert.Empty(assignment.SupportingUnits);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_still_active_or_without_a_living_successor_keeps_its_work(Provider provider)
    {
        var app = apps.For(provider);
        var active = await app.UnitAsync("Sở Y tế (thử)");
        var a = await app.UnitAsync("Sở A (thử)");
        var b = await app.UnitAsync("Sở B (thử)");
        var planId = await PlanAsync(app);
        await TaskAsync(app, planId, "1", Schedule.Yearly(5, 12, 2025), [active.Id]);
        await TaskAsync(app, planId, "2", Schedule.Yearly(5, 12, 2025), [a.Id]);
        await app.WithScopeAsync(sp => sp.GetRequiredService<SaveUnit>().DeactivateAsync(b.Id, new DateOnly(2026, 3, 31), a.Id, Ct));

        var fromActive = await app.WithScopeAsync(sp => new TransferAssignments(sp.GetRequiredService<DonDocDbContext>()).TransferAsync(active.Id, Ct));
        var fromLoop = await DissolveAsync(app, a.Id, new DateOnly(2026, 3, 31), b.Id);

        Assert.Equal((0, 0), (fromActive, fromLoop));
        Assert.Equal([active.Id, a.Id], (await AssignmentsAsync(app, planId)).OrderBy(x => x.NodeId).Select(x => x.LeadUnitId));
    }

    private static Task<int> PlanAsync(DonDocApp app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        var issuer = await app.UnitAsync("UBND tỉnh (thử)", UnitKind.Province);
        var plan = new Plan { Title = "Kế hoạch thử chuyển giao nhiệm vụ", IssuingUnitId = issuer.Id, Status = PlanStatus.Issued, CreatedAt = DateTime.UtcNow };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    });

    private static Task<int> TaskAsync(DonDocApp app, int planId, string label, Schedule schedule, int[] leads, int[]? supporting = null) =>
        app.WithScopeAsync(async sp =>
        {
            var saved = await new SaveTask(sp.GetRequiredService<DonDocDbContext>(), app.Clock).AddAsync(DonDoc.Tests.Features.Tasks.TaskData.Coordinator, planId,
                new NodeInput(null, label, null, $"Nhiệm vụ thử {label}", IsTask: true, "Báo cáo", schedule, LeadUnitIds: leads, SupportingUnitIds: supporting), Ct);
            Assert.True(saved.Ok, saved.Message);
            return saved.Value!.Id;
        });

    /// <summary>Periods accepted as done on 1 December of their year (or of 2025 for a one-off task).</summary>
    private static Task CompleteAsync(DonDocApp app, int nodeId, params string[] periods) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        var occurrences = await db.Occurrences.Where(o => o.Assignment!.NodeId == nodeId && periods.Contains(o.Period)).ToListAsync(Ct);
        Assert.Equal(periods.Length, occurrences.Count);
        foreach (var o in occurrences)
        {
            o.State = OccurrenceState.Completed;
            o.CompletedOn = new DateOnly(o.Period.Length == 0 ? 2025 : int.Parse(o.Period), 12, 1);
            o.Reported = true;
        }
        return await db.SaveChangesAsync(Ct);
    });

    /// <summary>Deactivates the unit, which hands its open work over; returns how many assignments it handed over.</summary>
    private static Task<int> DissolveAsync(DonDocApp app, int unitId, DateOnly lastDay, int successorId) => app.WithScopeAsync(async sp =>
    {
        var deactivated = await sp.GetRequiredService<SaveUnit>().DeactivateAsync(unitId, lastDay, successorId, Ct);
        Assert.True(deactivated.Ok, deactivated.Message);
        return await sp.GetRequiredService<DonDocDbContext>().Assignments.CountAsync(a => a.TransferredFromUnitId == unitId, Ct);
    });

    private static Task<List<Assignment>> AssignmentsAsync(DonDocApp app, int planId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Assignments.AsNoTracking()
            .Include(a => a.Occurrences).Include(a => a.SupportingUnits).Include(a => a.TransferredFromUnit)
            .Where(a => a.PlanId == planId).AsSplitQuery().ToListAsync(Ct));

    private static async Task<IReadOnlyList<TaskRow>> TasksSeenByOfficerOfAsync(DonDocApp app, Unit unit, int planId)
    {
        var officer = await app.UserAsync(Roles.UnitOfficer, unit.Id);
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(officer);
            var scope = await UnitScope.ForAsync(principal, db, Ct);
            return (await TaskList.QueryAsync(db, scope, new TaskFilter(PlanId: planId, PageSize: 200), new StatusDay(VietnamTime.Today(app.Clock)), Ct)).Items;
        });
    }
}
