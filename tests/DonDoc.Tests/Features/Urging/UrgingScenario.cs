using System.Net.Http.Json;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Tasks;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Urging;

/// <summary>
/// Sở Nội vụ under a UBND tỉnh, its coordinator signed in, and a plan whose tasks three units are late with on
/// 27/11/2026 (the test clock): Sở Tư pháp two (27 and 7 days), Sở Y tế one (58 days), a commune one (1 day).
/// Work that is done, not yet due, or of another plan is there too and must stay out of the letter.
/// </summary>
internal sealed record UrgingScenario(HttpClient Coordinator, Unit Province, Unit Agency, Unit Justice, Unit Health, Unit Commune, int PlanId,
    Occurrence JusticeOctober, Occurrence JusticeNovember, Occurrence HealthSeptember, Occurrence CommuneYesterday)
{
    public const string PlanSymbol = "125/KH-UBND";

    public int[] UnitIds => [Justice.Id, Health.Id, Commune.Id];

    public static async Task<UrgingScenario> CreateAsync(DonDocApp app)
    {
        var province = await app.UnitAsync("Ủy ban nhân dân tỉnh Nghệ An", UnitKind.Province);
        var agency = await app.UnitAsync("Sở Nội vụ", parentId: province.Id);
        var (coordinator, _, _) = await app.SignedInAsync(Roles.Coordinator, agency);
        var justice = await app.UnitAsync("Sở Tư pháp", parentId: province.Id);
        var health = await app.UnitAsync("Sở Y tế", parentId: province.Id);
        var commune = await app.UnitAsync("Ủy ban nhân dân xã Đô Lương", UnitKind.Commune, province.Id);
        var planId = await app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<SavePlan>().CreateAsync(TaskData.Coordinator, new PlanInput(PlanSymbol, new DateOnly(2026, 3, 10),
                province.Id, "Thực hiện Nghị quyết số 30/NQ-CP ngày 11/3/2022 của Chính phủ về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
                Status: PlanStatus.Issued), TestContext.Current.CancellationToken);
            Assert.True(result.Ok, result.Message);
            return result.Value!.Id;
        });
        var october = await app.OneOffAsync(planId, "Rà soát, sửa đổi quy chế làm việc của cơ quan", new DateOnly(2026, 10, 31), justice.Id);
        var november = await app.OneOffAsync(planId, "Tổ chức hội nghị quán triệt Nghị quyết", new DateOnly(2026, 11, 20), justice.Id);
        var done = await app.OneOffAsync(planId, "Xây dựng kế hoạch của đơn vị", new DateOnly(2026, 9, 15), justice.Id);
        await app.SetStateAsync(done.Id, OccurrenceState.Completed, new DateOnly(2026, 9, 20));
        await app.OneOffAsync(planId, "Sơ kết một năm thực hiện", new DateOnly(2026, 12, 31), justice.Id);
        var september = await app.OneOffAsync(planId, "Kiểm tra việc thực hiện quy định nêu gương", new DateOnly(2026, 9, 30), health.Id);
        var yesterday = await app.OneOffAsync(planId, "Tuyên truyền trên hệ thống truyền thanh cơ sở", new DateOnly(2026, 11, 26), commune.Id);
        var otherPlan = await app.PlanAsync(province.Id);
        await app.OneOffAsync(otherPlan, "Việc quá hạn của kế hoạch khác", new DateOnly(2026, 8, 1), justice.Id);
        return new UrgingScenario(coordinator, province, agency, justice, health, commune, planId, october, november, september, yesterday);
    }

    public Task<HttpResponseMessage> UrgeAsync(object body) =>
        Coordinator.PostAsJsonAsync("/api/v1/urging-letters", body, TestContext.Current.CancellationToken);
}
