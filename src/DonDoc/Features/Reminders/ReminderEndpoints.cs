using DonDoc.Data;
using DonDoc.Features.Reminders.Rules;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DonDoc.Features.Reminders;

/// <summary>The reminder rules, their history and a pass run on demand (/api/v1/reminders).</summary>
public static class ReminderEndpoints
{
    public sealed record SettingsDto(IReadOnlyList<int> DaysBefore, bool OnTheDay, int RepeatOverdueEvery, int EscalateToHeadAfter,
        int EscalateToCoordinatorAfter, bool WorkingDays, long Version);

    public sealed record SettingsRequest(IReadOnlyList<int>? DaysBefore, bool OnTheDay, int RepeatOverdueEvery, int EscalateToHeadAfter,
        int EscalateToCoordinatorAfter, bool WorkingDays, long? Version = null);

    public sealed record RunResult(int Notifications);

    public static void AddReminders(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddScoped<SendReminders>().AddScoped<SaveReminderSettings>();
        if (config.GetValue("Jobs:Enabled", true))
            ReminderJob.Schedule(services, config, contentRoot);
    }

    public static void MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reminders").WithTags("Nhắc việc").RequireAuthorization();
        group.MapGet("/settings", async (DonDocDbContext db, CancellationToken ct) => TypedResults.Ok(ToDto(await ReminderSettings.LoadAsync(db, ct))))
            .WithName("GetReminderSettings").WithSummary("Quy tắc nhắc việc: trước hạn, đúng hạn, quá hạn, báo thủ trưởng, báo đầu mối");
        group.MapPut("/settings", SaveAsync).WithName("SaveReminderSettings").WithSummary("Sửa quy tắc nhắc việc")
            .RequireAuthorization(Policies.ReviewProgress);
        group.MapGet("/history", async (DonDocDbContext db, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ReminderHistory.PerUnitAsync(db, await UnitScope.ForAsync(actor, db, ct), ct)))
            .WithName("ReminderHistory").WithSummary("Số lần nhắc việc theo đơn vị (mỗi mốc một lần), số lần báo thủ trưởng, lần gần nhất");
        group.MapPost("/run", async (SendReminders reminders, CancellationToken ct) => TypedResults.Ok(new RunResult(await reminders.RunAsync(ct))))
            .WithName("RunReminders").WithSummary("Chạy nhắc việc ngay (việc tự động chạy theo lịch; mỗi người chỉ được nhắc một lần mỗi mốc)")
            .RequireAuthorization(Policies.ReviewProgress);
    }

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem>> SaveAsync(SettingsRequest r, SaveReminderSettings save, CancellationToken ct)
    {
        var result = await save.SaveAsync(new ReminderRules(r.DaysBefore ?? [], r.OnTheDay, r.RepeatOverdueEvery, r.EscalateToHeadAfter,
            r.EscalateToCoordinatorAfter, r.WorkingDays), r.Version, ct);
        return result.Ok ? TypedResults.Ok(ToDto(result.Value!)) : TypedResults.ValidationProblem(result.Errors, title: "Không lưu được quy tắc nhắc việc.");
    }

    private static SettingsDto ToDto(ReminderSettings s)
    {
        var rules = s.Rules;
        return new SettingsDto(rules.DaysBefore, rules.OnTheDay, rules.RepeatOverdueEvery, rules.EscalateToHeadAfter, rules.EscalateToCoordinatorAfter,
            rules.WorkingDays, s.Version);
    }
}
