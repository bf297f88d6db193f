using DonDoc.Data;
using DonDoc.Features.Reminders.Rules;
using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace DonDoc.Features.Reminders;

/// <summary>The reminder rules, the scheduled pass and a pass run on demand (/api/v1/reminders).</summary>
public static class ReminderEndpoints
{
    public sealed record SettingsDto(IReadOnlyList<int> DaysBefore, bool OnTheDay, int RepeatOverdueEvery, int EscalateToHeadAfter,
        int EscalateToCoordinatorAfter, bool WorkingDays, long Version);

    public sealed record SettingsRequest(IReadOnlyList<int> DaysBefore, bool OnTheDay, int RepeatOverdueEvery, int EscalateToHeadAfter,
        int EscalateToCoordinatorAfter, bool WorkingDays, long? Version = null);

    public sealed record RunResult(int Notifications);

    public static void AddReminders(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddScoped<SendReminders>().AddScoped<SaveReminderSettings>();
        if (!config.GetValue("Jobs:Enabled", true))
            return;
        var postgres = DatabaseSetup.Provider(config) == DatabaseProvider.Postgres;
        var cs = DatabaseSetup.ResolvedConnectionString(config, contentRoot);
        services.AddQuartz(q =>
        {
            // Clustered instances need ids of their own; "AUTO" asks Quartz to make one per process.
            q.ConfigureScheduler(o => (o.InstanceName, o.InstanceId) = ("DonDoc", "AUTO"));
            q.UsePersistentStore(s =>
            {
                if (postgres)
                {
                    s.UsePostgres(cs);
                    s.UseClustering();
                }
                else
                {
                    s.UseSqlite(cs);
                }
                s.UseSystemTextJsonSerializer();
                // Quartz's tables (QRTZ_*) live beside the app's, created on first start; EF's model does not know them.
                s.ProvisionSchema();
            });
            q.AddJob<ReminderJob>(j => j.WithIdentity(ReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ReminderJob.Key).WithIdentity("nhac-viec-theo-lich", "don-doc")
                .WithCronSchedule(config["Reminders:Cron"] ?? "0 0 7,13 ? * *",
                    c => c.InTimeZone(Calendar.VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    public static void MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reminders").WithTags("Nhắc việc").RequireAuthorization();
        group.MapGet("/settings", async (DonDocDbContext db, CancellationToken ct) => TypedResults.Ok(ToDto(await ReminderSettings.LoadAsync(db, ct))))
            .WithName("GetReminderSettings").WithSummary("Quy tắc nhắc việc: trước hạn, đúng hạn, quá hạn, báo thủ trưởng, báo đầu mối");
        group.MapPut("/settings", SaveAsync).WithName("SaveReminderSettings").WithSummary("Sửa quy tắc nhắc việc")
            .RequireAuthorization(Policies.ReviewProgress);
        group.MapGet("/history", async (DonDocDbContext db, CurrentActor actor, CancellationToken ct) =>
                TypedResults.Ok(await ReminderHistory.PerUnitAsync(db, await UnitScope.ForAsync(await actor.PrincipalAsync(), db, ct), ct)))
            .WithName("ReminderHistory").WithSummary("Số lần nhắc việc theo đơn vị (mỗi mốc một lần), số lần báo thủ trưởng, lần gần nhất");
        group.MapPost("/run", async (SendReminders reminders, CancellationToken ct) => TypedResults.Ok(new RunResult(await reminders.RunAsync(ct))))
            .WithName("RunReminders").WithSummary("Chạy nhắc việc ngay (việc tự động chạy theo lịch; mỗi người chỉ được nhắc một lần mỗi mốc)")
            .RequireAuthorization(Policies.ReviewProgress);
    }

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem>> SaveAsync(SettingsRequest r, SaveReminderSettings save, CancellationToken ct)
    {
        var result = await save.SaveAsync(new ReminderRules(r.DaysBefore, r.OnTheDay, r.RepeatOverdueEvery, r.EscalateToHeadAfter,
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
