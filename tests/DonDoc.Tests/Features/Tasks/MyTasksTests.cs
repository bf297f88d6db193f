using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Tasks;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Tasks;

public sealed class MyTasksTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The shared apps' clock stands at 27/11/2026 in Vietnam.
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_units_open_tasks_come_due_soonest_first_with_coordination_included_and_are_counted(Provider provider)
    {
        var app = apps.For(provider);
        var province = await app.UnitAsync("UBND thử nghiệm", DonDoc.Features.Units.UnitKind.Province);
        var unit = await app.UnitAsync("Sở Thử nghiệm Của tôi");
        var other = await app.UnitAsync("Sở Thử nghiệm Khác");
        var plan = await app.PlanAsync(province.Id);
        var overdue = await app.OneOffAsync(plan, "Việc đã quá hạn", new DateOnly(2026, 11, 20), unit.Id);
        var dueSoon = await app.OneOffAsync(plan, "Việc sắp đến hạn", new DateOnly(2026, 11, 30), unit.Id);
        var coordinating = await app.OneOffAsync(plan, "Việc phối hợp", new DateOnly(2027, 1, 15), other.Id, [unit.Id]);
        var done = await app.OneOffAsync(plan, "Việc đã xong", new DateOnly(2026, 11, 25), unit.Id);
        var waiting = await app.OneOffAsync(plan, "Việc chờ tiếp nhận", new DateOnly(2026, 12, 31), unit.Id);
        await app.OneOffAsync(plan, "Việc của đơn vị khác", new DateOnly(2026, 11, 21), other.Id);
        await app.SetStateAsync(done.Id, OccurrenceState.Completed, new DateOnly(2026, 11, 24));
        await app.SetStateAsync(waiting.Id, OccurrenceState.AwaitingReview);

        var (page, counts) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var scope = new UnitScope(false, unit.Path);
            return (await TaskList.QueryAsync(db, scope, MyTasks.Filter(), new StatusDay(Today), Ct), await MyTasks.CountAsync(db, scope, new StatusDay(Today), Ct));
        });

        Assert.Equal([overdue.Id, dueSoon.Id, waiting.Id, coordinating.Id], page.Items.Select(r => r.OccurrenceId));
        Assert.Equal(4, page.Total);
        Assert.Equal(new MyTaskCounts(Overdue: 1, DueSoon: 1, InProgress: 3, AwaitingReview: 1), counts);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Text_search_matches_Vietnamese_words_whatever_their_case(Provider provider)
    {
        var app = apps.For(provider);
        var province = await app.UnitAsync("UBND thử nghiệm", DonDoc.Features.Units.UnitKind.Province);
        var unit = await app.UnitAsync("Sở Thử nghiệm Tìm kiếm");
        var plan = await app.PlanAsync(province.Id);
        var marker = TestData.UniqueCode();
        var task = await app.OneOffAsync(plan, $"ĐẨY MẠNH Ứng dụng công nghệ thông tin {marker}", new DateOnly(2026, 12, 31), unit.Id);

        foreach (var text in new[] { $"đẩy mạnh ứng dụng công nghệ thông tin {marker}", $"Đẩy Mạnh ỨNG DỤNG CÔNG NGHỆ THÔNG TIN {marker.ToLowerInvariant()}" })
        {
            var page = await app.WithScopeAsync(sp => TaskList.QueryAsync(sp.GetRequiredService<DonDocDbContext>(), UnitScope.Everything,
                new TaskFilter(PlanId: plan, Text: text), new StatusDay(Today), Ct));
            Assert.True(page.Total == 1, $"'{text}' found {page.Total} tasks");
            Assert.Equal(task.Id, page.Items[0].OccurrenceId);
        }
    }
}
