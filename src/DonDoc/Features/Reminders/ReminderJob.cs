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

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        log.LogInformation("Nhắc việc: {Count} thông báo mới.", sent);
    }
}
