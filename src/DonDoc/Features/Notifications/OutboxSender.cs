using Microsoft.Extensions.Options;

namespace DonDoc.Features.Notifications;

/// <summary>Runs <see cref="OutboxDelivery"/> every <see cref="EmailOptions.PollSeconds"/>; idle when no mail server is configured.</summary>
internal sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Email:Host is empty: e-mail waits in the outbox until a mail server is configured.");
            return;
        }
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
                await delivery.QueueDigestsAsync(stoppingToken);
                await delivery.SendDueAsync(stoppingToken);
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database that is away for a moment must not end the sender for good.
                logger.LogError(ex, "Outbox pass failed; trying again in {Seconds} s", options.Value.PollSeconds);
                await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
