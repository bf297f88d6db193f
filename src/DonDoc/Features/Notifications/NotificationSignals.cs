namespace DonDoc.Features.Notifications;

/// <summary>
/// Tells the open bells of this app instance that someone's notifications changed, so they refresh at once.
/// Only a hint: a bell also re-reads every half minute, which covers other instances and missed signals.
/// </summary>
public sealed class NotificationSignals
{
    public event Action<int>? Changed;

    public void Raise(IEnumerable<int> userIds)
    {
        foreach (var id in userIds.Distinct())
            Changed?.Invoke(id);
    }
}
