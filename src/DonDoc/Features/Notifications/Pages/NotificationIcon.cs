using MudBlazor;

namespace DonDoc.Features.Notifications.Pages;

internal static class NotificationIcon
{
    public static string For(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => Icons.Material.Filled.AssignmentInd,
        NotificationKind.UpdateAccepted or NotificationKind.ReportAccepted or NotificationKind.ExtensionApproved => Icons.Material.Filled.CheckCircle,
        NotificationKind.UpdateReturned or NotificationKind.ReportReturned or NotificationKind.ExtensionRejected => Icons.Material.Filled.Undo,
        NotificationKind.Comment => Icons.Material.Filled.Forum,
        NotificationKind.Direction => Icons.Material.Filled.Campaign,
        _ => Icons.Material.Filled.NotificationsActive,
    };
}
