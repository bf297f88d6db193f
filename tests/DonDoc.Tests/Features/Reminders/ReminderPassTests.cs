using DonDoc.Data;
using DonDoc.Security;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reminders;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Reminders;

/// <summary>The reminder ladder run by the app as the clock crosses a due date: the right people, once each.</summary>
public sealed class ReminderPassTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(Unit Unit, User Officer, User Head, User Coordinator, int OccurrenceId);

    /// <summary>A task of one unit due Friday 04/12/2026; the app's clock starts on 27/11/2026, seven days before.</summary>
    private static async Task<Setup> SetUpAsync(DonDocApp app)
    {
        var issuer = await app.UnitAsync("UBND tỉnh nhắc việc " + TestData.UniqueCode(), UnitKind.Province);
        var unit = await app.UnitAsync("Sở được nhắc " + TestData.UniqueCode());
        var officer = await app.UserAsync(Roles.UnitOfficer, unit.Id);
        var head = await app.UserAsync(Roles.UnitHead, unit.Id);
        var coordinator = await app.UserAsync(Roles.Coordinator, issuer.Id);
        var planId = await app.PlanAsync(issuer.Id);
        var occurrences = await app.TaskAsync(planId, "Báo cáo sơ kết", Schedule.Fixed(new DateOnly(2026, 12, 4)), [unit.Id]);
        return new Setup(unit, officer, head, coordinator, occurrences[0].Id);
    }

    private static Task<int> RunAsync(DonDocApp app) => app.WithScopeAsync(sp => sp.GetRequiredService<SendReminders>().RunAsync(Ct));

    /// <summary>Who got which rung, as "user:key" pairs.</summary>
    private static Task<List<string>> ToldAsync(DonDocApp app, Setup s) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<DonDocDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.Reminder && n.DedupKey!.StartsWith($"nhac:nv:{s.OccurrenceId}:"))
            .OrderBy(n => n.Id).Select(n => n.UserId + ":" + n.DedupKey!.Substring($"nhac:nv:{s.OccurrenceId}:".Length)).ToListAsync(Ct));

    private static void MoveTo(DonDocApp app, DateOnly day) =>
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Crossing_the_due_date_tells_the_unit_then_its_head_then_the_coordinator_once_each(Provider provider)
    {
        var app = apps.Isolated(provider);
        var s = await SetUpAsync(app);
        string O(string key) => $"{s.Officer.Id}:{key}";
        string H(string key) => $"{s.Head.Id}:{key}";

        await RunAsync(app);
        await RunAsync(app);                               // the same day again: nothing new
        MoveTo(app, new DateOnly(2026, 12, 1));
        await RunAsync(app);
        MoveTo(app, new DateOnly(2026, 12, 4));
        await RunAsync(app);
        MoveTo(app, new DateOnly(2026, 12, 10));           // six days late: the app was down over the first overdue rung
        await RunAsync(app);
        MoveTo(app, new DateOnly(2026, 12, 15));
        await RunAsync(app);

        var told = await ToldAsync(app, s);
        Assert.Equal(told.Distinct().Count(), told.Count);
        string[] expected = [O("truoc-7"), H("truoc-7"), O("truoc-3"), H("truoc-3"), O("dung-han"), H("dung-han"), O("qua-han-4"), H("qua-han-4"),
            H("thu-truong"), O("qua-han-10"), H("qua-han-10"), $"{s.Coordinator.Id}:dau-moi"];
        Assert.Equal(expected.Order(), told.Order());
        var history = await app.WithScopeAsync(sp => ReminderHistory.PerUnitAsync(sp.GetRequiredService<DonDocDbContext>(), UnitScope.Everything, Ct));
        Assert.Equal((6, 1), history.Single(h => h.UnitId == s.Unit.Id) is var h ? (h.Reminders, h.Escalations) : default);
    }

    [Fact]
    public async Task A_one_off_tasks_reminder_names_its_plan_and_no_empty_period()
    {
        var app = apps.Isolated(Provider.Sqlite);
        var s = await SetUpAsync(app);

        await RunAsync(app);

        var text = await app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Notifications.AsNoTracking()
            .Where(n => n.UserId == s.Officer.Id && n.Kind == NotificationKind.Reminder).Select(n => n.Text).SingleAsync(Ct));
        Assert.Matches(@"^Nhiệm vụ \d+ \(Kế hoạch số [^)]+\) — hạn 04/12/2026\. Còn 7 ngày đến hạn\.$", text);
    }

    [Fact]
    public async Task Two_app_instances_on_one_PostgreSQL_database_tell_each_person_once()
    {
        Assert.SkipWhen(apps.Postgres.ConnectionString is null, apps.Postgres.Missing ?? "PostgreSQL is not available");
        var database = apps.Postgres.NewDatabase();
        await using var one = new DonDocApp(Provider.Postgres, database);
        await using var two = new DonDocApp(Provider.Postgres, database);
        one.StartServer();
        two.StartServer();
        var s = await SetUpAsync(one);

        var counts = await Task.WhenAll(RunAsync(one), RunAsync(two), RunAsync(one), RunAsync(two));

        Assert.Equal(2, counts.Sum());
        Assert.Equal([$"{s.Officer.Id}:truoc-7", $"{s.Head.Id}:truoc-7"], (await ToldAsync(one, s)).Order().ToList());
    }
}

/// <summary>The scheduler itself: its job and trigger kept in the app's database, firing on its own, surviving a restart.</summary>
public sealed class ReminderSchedulerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_job_fires_on_schedule_and_a_restart_neither_repeats_a_reminder_nor_duplicates_the_trigger()
    {
        var dir = Directory.CreateTempSubdirectory("dondoc-quartz-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Enabled"] = "true", ["Reminders:Cron"] = "* * * ? * *",
            ["ConnectionStrings:DonDoc"] = $"Data Source={Path.Combine(dir, "dondoc.db")}",
        };
        int unitId;
        await using (var first = new DonDocApp(Provider.Sqlite, settings: settings))
        {
            first.StartServer();
            var unit = await first.UnitAsync("Sở nhắc theo lịch " + TestData.UniqueCode());
            unitId = unit.Id;
            await first.UserAsync(Roles.UnitOfficer, unit.Id);
            var planId = await first.PlanAsync((await first.UnitAsync("UBND tỉnh lịch " + TestData.UniqueCode(), UnitKind.Province)).Id);
            await first.TaskAsync(planId, "Báo cáo theo lịch", Schedule.Fixed(new DateOnly(2026, 12, 4)), [unit.Id]);
            Assert.True(await EventuallyAsync(first, () => CountAsync(first, unitId), n => n == 1), "the scheduled pass never told the officer");
        }
        await using var second = new DonDocApp(Provider.Sqlite, settings: settings);
        second.StartServer();
        await EventuallyAsync(second, () => CountAsync(second, unitId), _ => false, tries: 6);   // six more firings after the restart

        Assert.Equal(1, await CountAsync(second, unitId));
        Assert.Equal(1, await second.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'nhac-viec-theo-lich'").SingleAsync(Ct)));
    }

    private static Task<int> CountAsync(DonDocApp app, int unitId) => app.WithScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        return db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder && db.Users.Any(u => u.Id == n.UserId && u.UnitId == unitId), Ct);
    });

    /// <summary>
    /// Quartz keeps time with the app's <see cref="TimeProvider"/>, the tests' fake clock: each try moves it a second
    /// so the every-second trigger comes due, and waits for the scheduler to notice.
    /// </summary>
    private static async Task<bool> EventuallyAsync(DonDocApp app, Func<Task<int>> read, Func<int, bool> done, int tries = 60)
    {
        for (var i = 0; i < tries; i++)
        {
            if (done(await read()))
                return true;
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(500, Ct);
        }
        return false;
    }
}
