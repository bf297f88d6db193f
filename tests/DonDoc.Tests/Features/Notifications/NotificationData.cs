using DonDoc.Data;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Notifications;

/// <summary>
/// A unit whose head wants mail at once and whose officer reads in the app only, given a task (which tells them
/// so) on which the officer has claimed completion, waiting for the coordinator.
/// </summary>
internal sealed record Scene(Unit Unit, User Head, User Officer, int OccurrenceId, int UpdateId)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Scene> CreateAsync(DonDocApp app)
    {
        var province = await app.UnitAsync("UBND tỉnh");
        var unit = await app.UnitAsync("Sở Thử nghiệm");
        var head = await app.PersonAsync(Roles.UnitHead, unit.Id, NotificationChannel.EmailImmediately);
        var officer = await app.PersonAsync(Roles.UnitOfficer, unit.Id, NotificationChannel.InApp);
        var planId = await app.PlanAsync(province.Id);
        var occurrence = await app.OneOffAsync(planId, "Xây dựng đề án vị trí việc làm.", new DateOnly(2026, 12, 31), unit.Id);
        var principal = await app.PrincipalAsync(officer);
        var updateId = await app.WithScopeAsync(async sp =>
        {
            var posted = await sp.GetRequiredService<Progress>().PostAsync(principal, occurrence.Id,
                new ProgressInput("Đã trình đề án.", EvidenceNumber: "12/TTr-STN", EvidenceDate: new DateOnly(2026, 11, 20), ClaimsCompletion: true), ct: Ct);
            Assert.True(posted.Ok, posted.Message);
            return posted.Value!.Id;
        });
        return new Scene(unit, head, officer, occurrence.Id, updateId);
    }

    public Task ReturnAsync(DonDocApp app, string reason) => app.WithScopeAsync(async sp =>
    {
        var result = await sp.GetRequiredService<Progress>().ReviewAsync(TaskData.Coordinator, UpdateId, accept: false, reason, Ct);
        Assert.True(result.Ok, result.Message);
        return 0;
    });
}

internal static class NotificationData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string EmailOf(User user) => $"{user.UserName}@nghean.gov.vn";

    /// <summary>A user with a mail address who chose how to hear of notifications.</summary>
    public static async Task<User> PersonAsync(this DonDocApp app, string role, int unitId, NotificationChannel channel, int digestHour = 7)
    {
        var user = await app.UserAsync(role, unitId);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, EmailOf(user)), Ct);
            var saved = await sp.GetRequiredService<Inbox>().SavePreferenceAsync(user.Id, channel, digestHour, Ct);
            Assert.True(saved.Ok, saved.Message);
            return 0;
        });
        user.Email = EmailOf(user);
        return user;
    }

    public static Task<List<T>> QueryAsync<T>(this DonDocApp app, Func<DonDocDbContext, IQueryable<T>> query) where T : class =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<DonDocDbContext>()).AsNoTracking().ToListAsync(Ct));

    public static Task NotifyAsync(this DonDocApp app, IEnumerable<int> userIds, NotificationMessage message) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            await new Notify(db, app.Clock).ToUsersAsync(userIds, message, Ct);
            return await db.SaveChangesAsync(Ct);
        });

    /// <summary>Waits, in real time, for the background sender to get somewhere.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, double seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (DateTime.UtcNow > until)
                Assert.Fail($"Gave up waiting for: {what}");
            await Task.Delay(100, Ct);
        }
    }
}
