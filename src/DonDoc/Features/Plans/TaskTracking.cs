using DonDoc.Calendar;
using DonDoc.Features.Plans.Rules;
using Microsoft.Extensions.Options;

namespace DonDoc.Features.Plans;

/// <summary>The province's task-tracking settings (section "Tasks" of the configuration).</summary>
public sealed class TaskTrackingOptions
{
    public const string Section = "Tasks";

    /// <summary>How many days before its due date unfinished work is flagged "sắp đến hạn".</summary>
    public int DueSoonDays { get; set; } = StatusDay.DefaultDueSoonDays;
}

/// <summary>Today's <see cref="StatusDay"/> from the app's clock and the configured due-soon window.</summary>
public sealed class TaskTracking(TimeProvider clock, IOptions<TaskTrackingOptions> options)
{
    public StatusDay Today() => new(VietnamTime.Today(clock), options.Value.DueSoonDays);
}
