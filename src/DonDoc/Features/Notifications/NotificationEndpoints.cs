using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DonDoc.Features.Notifications;

public static class NotificationEndpoints
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<NotificationSignals>();
        services.AddScoped<Notify>();
        services.AddScoped<Inbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxSender>();
        return services;
    }

    public sealed record PreferenceRequest(string? Channel, int? DigestHour);

    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization();
        group.MapGet("", ListAsync).WithName("ListNotifications")
            .WithSummary("Thông báo của tôi, mới nhất trước (unread=true: chỉ chưa đọc), kèm số chưa đọc");
        group.MapPost("/{id:int}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Đánh dấu một thông báo đã đọc");
        group.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("Đánh dấu mọi thông báo của tôi đã đọc");
        group.MapGet("/preferences", PreferenceAsync).WithName("GetNotificationPreferences").WithSummary("Cách tôi nhận thông báo");
        group.MapPut("/preferences", SavePreferenceAsync).WithName("SaveNotificationPreferences")
            .WithSummary("Đổi cách nhận thông báo: channel InApp, EmailImmediately hoặc DailyDigest; digestHour 0–23 (giờ Việt Nam)");
    }

    public sealed record MarkedDto(int Marked);

    private static async Task<Results<Ok<InboxPage>, UnauthorizedHttpResult>> ListAsync(bool? unread, int? skip, int? take, CurrentActor actor, Inbox inbox,
        CancellationToken ct) =>
        (await actor.PrincipalAsync()).UserId() is { } id
            ? TypedResults.Ok(await inbox.ListAsync(id, unread ?? false, skip ?? 0, take ?? 50, ct))
            : TypedResults.Unauthorized();

    private static async Task<Results<NoContent, NotFound, UnauthorizedHttpResult>> MarkReadAsync(int id, CurrentActor actor, Inbox inbox,
        NotificationSignals signals, CancellationToken ct)
    {
        if ((await actor.PrincipalAsync()).UserId() is not { } userId)
            return TypedResults.Unauthorized();
        if (!await inbox.MarkReadAsync(userId, id, ct))
            return TypedResults.NotFound();
        signals.Raise([userId]);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MarkedDto>, UnauthorizedHttpResult>> MarkAllReadAsync(CurrentActor actor, Inbox inbox,
        NotificationSignals signals, CancellationToken ct)
    {
        if ((await actor.PrincipalAsync()).UserId() is not { } userId)
            return TypedResults.Unauthorized();
        var marked = await inbox.MarkAllReadAsync(userId, ct);
        signals.Raise([userId]);
        return TypedResults.Ok(new MarkedDto(marked));
    }

    private static async Task<Results<Ok<PreferenceDto>, UnauthorizedHttpResult>> PreferenceAsync(CurrentActor actor, Inbox inbox, CancellationToken ct) =>
        (await actor.PrincipalAsync()).UserId() is { } id ? TypedResults.Ok(await inbox.PreferenceAsync(id, ct)) : TypedResults.Unauthorized();

    private static async Task<Results<Ok<PreferenceDto>, ValidationProblem, UnauthorizedHttpResult>> SavePreferenceAsync(PreferenceRequest request,
        CurrentActor actor, Inbox inbox, CancellationToken ct)
    {
        if ((await actor.PrincipalAsync()).UserId() is not { } id)
            return TypedResults.Unauthorized();
        NotificationChannel? channel = Enum.TryParse<NotificationChannel>(request.Channel, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;
        var result = await inbox.SavePreferenceAsync(id, channel, request.DigestHour, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors, title: "Không lưu được cách nhận thông báo.");
    }
}
