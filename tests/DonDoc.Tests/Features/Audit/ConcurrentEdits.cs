using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace DonDoc.Tests.Features.Audit;

/// <summary>
/// Two people open the same version of a record and both save: the second save is a bad request whose "version"
/// error names the first editor, when they saved (the shared apps' clock: 09:00 on 27/11/2026) and what they changed.
/// </summary>
internal static class ConcurrentEdits
{
    /// <summary>The full name of whoever saves first, which the refusal must show.</summary>
    public const string FirstEditor = "Nguyễn Văn An";

    public static async Task<string> RefusedAsync(Task<HttpResponseMessage> sending, string noun)
    {
        var message = await MessageAsync(sending);
        Assert.StartsWith($"{noun} đã được {FirstEditor} sửa lúc 09:00 ngày 27/11/2026 sau khi bạn mở:\n", message);
        Assert.EndsWith("Dữ liệu của bạn chưa được lưu; hãy tải lại để xem thay đổi rồi sửa lại.", message);
        return message;
    }

    /// <summary>The "version" error of a refused save.</summary>
    public static async Task<string> MessageAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        return Assert.Single(JsonSerializer.Deserialize<ValidationProblemDetails>(body, JsonOptions)!.Errors["version"]);
    }

    public static async Task SavedAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
