using DonDoc.Data;
using Quartz;

namespace DonDoc.Features.Reminders;

/// <summary>
/// The reminder pass on the coordinator's schedule. The job store is the app's own database; on PostgreSQL the
/// scheduler is clustered, so of several app instances one runs each firing. A firing missed while the app was
/// down runs once on return (misfire: fire now, then proceed), and the ladder's keys keep it from repeating anything.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(SendReminders reminders, ILogger<ReminderJob> log) : IJob
{
    public static readonly JobKey Key = new("nhac-viec", "don-doc");

    /// <summary>The scheduler, its job store and the trigger at Reminders:Cron (Vietnam time; 07:00 and 13:00 by default).</summary>
    public static void Schedule(IServiceCollection services, IConfiguration config, string contentRoot)
    {
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
            q.AddJob<ReminderJob>(j => j.WithIdentity(Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Key).WithIdentity("nhac-viec-theo-lich", "don-doc")
                .WithCronSchedule(config["Reminders:Cron"] ?? "0 0 7,13 ? * *",
                    c => c.InTimeZone(Calendar.VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        log.LogInformation("Nhắc việc: {Count} thông báo mới.", sent);
    }
}
