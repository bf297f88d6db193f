using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;

namespace DonDoc.Tests.Infrastructure;

public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a static-rendered Blazor form the way a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync(url);
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body), TestContext.Current.CancellationToken);
    }

    public static async Task LoginAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.PostFormAsync("/dang-nhap", "login",
            new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    /// <summary>Enters the password again, as changes to users need (<see cref="DonDoc.Security.Reauthentication"/>).</summary>
    public static async Task ConfirmPasswordAsync(this HttpClient client, string password = TestData.Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/me/reauthenticate", new { password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
