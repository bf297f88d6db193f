using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Users;
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
}
