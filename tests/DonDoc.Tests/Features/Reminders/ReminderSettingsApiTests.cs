using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Reminders;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Audit;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Tests.Features.Reminders;

/// <summary>Rules the API refuses, with a Vietnamese answer; the rules are province-wide, so no test here changes them.</summary>
public sealed class ReminderSettingsApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"onTheDay":true,"repeatOverdueEvery":0,"escalateToHeadAfter":5,"escalateToCoordinatorAfter":10,"workingDays":false}""",
        "Nhắc lại khi quá hạn: mỗi 1 đến 60 ngày.")]
    [InlineData("""{"daysBefore":[7,90],"onTheDay":true,"repeatOverdueEvery":3,"escalateToHeadAfter":5,"escalateToCoordinatorAfter":10,"workingDays":false}""",
        "Số ngày nhắc trước hạn phải từ 1 đến 60.")]
    public async Task Rules_out_of_range_or_missing_get_a_Vietnamese_answer_and_change_nothing(string body, string message)
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.Coordinator);

        var response = await client.PutAsync("/api/v1/reminders/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Contains(message, problem!.Errors["rules"][0]);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_edit_the_rules_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        var (first, _, _) = await app.SignedInAsync(Roles.Coordinator, fullName: ConcurrentEdits.FirstEditor);
        var (second, _, _) = await app.SignedInAsync(Roles.Coordinator);
        object Rules(int[] daysBefore, bool workingDays, long? version) =>
            new { daysBefore, onTheDay = true, repeatOverdueEvery = 3, escalateToHeadAfter = 5, escalateToCoordinatorAfter = 10, workingDays, version };
        await ConcurrentEdits.SavedAsync(second.PutAsJsonAsync("/api/v1/reminders/settings", Rules([7, 3, 1], false, null), Ct));
        var opened = (await second.GetFromJsonAsync<ReminderEndpoints.SettingsDto>("/api/v1/reminders/settings", Ct))!.Version;

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync("/api/v1/reminders/settings", Rules([5, 2], true, opened), Ct));
        var message = await ConcurrentEdits.RefusedAsync(second.PutAsJsonAsync("/api/v1/reminders/settings", Rules([10], false, opened), Ct), "Quy tắc nhắc việc");

        Assert.Contains("\n• Nhắc trước hạn (số ngày): «7,3,1» → «5,2»\n", message);
        Assert.Contains("\n• Tính theo ngày làm việc: không → có\n", message);
        var stored = await second.GetFromJsonAsync<ReminderEndpoints.SettingsDto>("/api/v1/reminders/settings", Ct);
        Assert.Equal([5, 2], stored!.DaysBefore);
        Assert.True(stored.WorkingDays);
    }
}
