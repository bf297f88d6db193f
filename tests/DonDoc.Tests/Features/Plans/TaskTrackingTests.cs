using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DonDoc.Tests.Features.Plans;

/// <summary>The "sắp đến hạn" window is the province's setting: Tasks:DueSoonDays, 7 days unless configured.</summary>
public sealed class TaskTrackingTests(Apps apps)
{
    [Fact]
    public void The_window_defaults_to_seven_days_from_Vietnam_s_today()
    {
        var day = apps.For(Provider.Sqlite).Services.GetRequiredService<TaskTracking>().Today();

        Assert.Equal(new StatusDay(new DateOnly(2026, 11, 27), 7), day);
    }

    [Fact]
    public async Task A_configured_window_flags_work_due_further_ahead()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["Tasks:DueSoonDays"] = "14" });

        var day = app.Services.GetRequiredService<TaskTracking>().Today();

        Assert.Equal(14, day.DueSoonDays);
        Assert.Equal(new DateOnly(2026, 12, 10), day.DueSoonUntil);
        Assert.True(AssignmentStatusRules.Compute(new DateOnly(2026, 12, 10), null, day).DueSoon);
        Assert.False(AssignmentStatusRules.Compute(new DateOnly(2026, 12, 11), null, day).DueSoon);
    }

    [Fact]
    public async Task A_nonsensical_window_stops_the_app_with_a_clear_message()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["Tasks:DueSoonDays"] = "-3" });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("Tasks:DueSoonDays phải từ 0 đến 90 ngày", error.Message);
    }
}
