using DonDoc.Data;
using DonDoc.Features.Dashboard;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Security;
using DonDoc.Tests.Features.Plans;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Dashboard;

/// <summary>
/// The overview's figures are shared between the people who open it, and forgotten as soon as a save changes what
/// they count, whether or not the save is part of a longer transaction.
/// </summary>
public sealed class DashboardCacheTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(DonDocApp App, UnitScope Scope, int OccurrenceId);

    private Task<Setup> SetUpAsync(Provider provider) => SetUpAsync(apps.For(provider));

    private static async Task<Setup> SetUpAsync(DonDocApp app)
    {
        var plan = await SamplePlan.CreateAsync(app);
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var occurrence = await db.Occurrences.Where(o => o.Assignment!.LeadUnitId == plan.UnitA.Id && o.DueDate != null
                && o.State != OccurrenceState.Completed).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
            return new Setup(app, new UnitScope(false, plan.UnitA.Path), occurrence);
        });
    }

    private static Task<Computed<ProvinceOverview>> OverviewAsync(Setup s) => s.App.WithScopeAsync(sp =>
        sp.GetRequiredService<DashboardCache>().OverviewAsync(sp.GetRequiredService<DonDocDbContext>(), s.Scope, new DashboardFilter(),
            sp.GetRequiredService<TaskTracking>().Today()));

    private static async Task CompleteAsync(DonDocDbContext db, int occurrenceId)
    {
        var o = await db.Occurrences.SingleAsync(x => x.Id == occurrenceId, Ct);
        o.State = OccurrenceState.Completed;
        o.CompletedOn = o.DueDate;
        await db.SaveChangesAsync(Ct);
    }

    private static int Completed(Computed<ProvinceOverview> c) => c.Value.ByStatus[AssignmentStatusCode.CompletedOnTime];

    [Theory]
    [MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_figures_are_shared_until_a_save_changes_what_they_count(Provider provider)
    {
        // An app of its own: any test saving a task in a shared app would make the figures be computed again.
        await using var app = apps.Isolated(provider);
        var s = await SetUpAsync(app);
        var first = await OverviewAsync(s);

        Assert.Same(first, await OverviewAsync(s));
        await s.App.WithScopeAsync(async sp =>
        {
            // A notification is not counted by any dashboard: the figures stay.
            var db = sp.GetRequiredService<DonDocDbContext>();
            db.Notifications.Add(new Notification { UserId = await db.Users.Select(u => u.Id).FirstAsync(Ct), Kind = NotificationKind.Reminder,
                Title = "Nhắc việc", Text = "", Link = "/", DedupKey = TestData.UniqueCode(), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Same(first, await OverviewAsync(s));

        await s.App.WithScopeAsync(async sp =>
        {
            await CompleteAsync(sp.GetRequiredService<DonDocDbContext>(), s.OccurrenceId);
            return 0;
        });

        var after = await OverviewAsync(s);
        Assert.Equal(Completed(first) + 1, Completed(after));
    }

    [Theory]
    [MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Figures_read_while_a_transaction_was_open_are_forgotten_when_it_commits(Provider provider)
    {
        var s = await SetUpAsync(provider);
        var before = await OverviewAsync(s);

        await s.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await CompleteAsync(db, s.OccurrenceId);
            // Another person opens the overview now: the change is not committed, so they still see the old count.
            Assert.Equal(Completed(before), Completed(await OverviewAsync(s)));
            await tx.CommitAsync(Ct);
            return 0;
        });

        Assert.Equal(Completed(before) + 1, Completed(await OverviewAsync(s)));
    }

    [Fact]
    public async Task Set_to_no_lifetime_every_view_computes_its_figures_afresh()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["Dashboard:CacheSeconds"] = "0" });
        var s = await SetUpAsync(app);

        Assert.NotSame(await OverviewAsync(s), await OverviewAsync(s));
    }
}
