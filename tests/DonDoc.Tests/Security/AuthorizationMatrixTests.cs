using System.Net;
using System.Text;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Security;

/// <summary>
/// Every page and endpoint the app maps, read from its endpoint data source, against a table of who may use it.
/// A new endpoint missing from the table fails the first test, so none can be forgotten. Record-level scope
/// (another unit's id answers 404) is tested per feature.
/// </summary>
public sealed class AuthorizationMatrixTests(Apps apps)
{
    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";
    private static readonly string[] Everyone = [Anyone];

    /// <summary>"METHOD /route" → who may use it: <see cref="Anyone"/>, <see cref="SignedIn"/>, or role names.</summary>
    private static readonly Dictionary<string, string[]> Table = new()
    {
        // public
        ["GET /"] = Everyone,
        ["GET /dang-nhap"] = Everyone,
        ["GET /dang-nhap/xac-thuc"] = Everyone,
        ["GET /khong-tim-thay"] = Everyone,
        ["GET /khong-co-quyen"] = Everyone,
        ["GET /loi"] = Everyone,
        ["GET /healthz"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /api-docs/{documentName?}"] = Everyone,
        ["GET /api-docs/scalar.js"] = Everyone,
        ["GET /api-docs/scalar.aspnetcore.js"] = Everyone,
        ["GET /api-docs/favicon.svg"] = Everyone,
        ["POST /dang-xuat"] = Everyone,
        ["GET /cong-khai/xep-hang"] = Everyone,
        // back office pages
        ["GET /tong-quan"] = [SignedIn],
        ["GET /xep-hang"] = [SignedIn],
        ["GET /ke-hoach"] = [SignedIn],
        ["GET /ke-hoach/{id:int}"] = [SignedIn],
        ["GET /ke-hoach/nhap"] = [Roles.Admin, Roles.Coordinator],
        ["GET /nhiem-vu"] = [SignedIn],
        ["GET /nhiem-vu/cua-toi"] = [SignedIn],
        ["GET /nhiem-vu/{id:int}"] = [SignedIn],
        ["GET /bao-cao"] = [SignedIn],
        ["GET /bao-cao/{id:int}"] = [SignedIn],
        ["GET /bao-cao/ky/{id:int}"] = [SignedIn],
        ["GET /bao-cao/mau"] = [Roles.Admin, Roles.Coordinator],
        ["GET /bao-cao/mau/moi"] = [Roles.Admin, Roles.Coordinator],
        ["GET /bao-cao/mau/{id:int}"] = [Roles.Admin, Roles.Coordinator],
        ["GET /don-doc"] = [SignedIn],
        ["GET /don-doc/lich-nghi"] = [SignedIn],
        ["GET /don-doc/quy-tac-nhac"] = [Roles.Admin, Roles.Coordinator],
        ["GET /don-vi"] = [SignedIn],
        ["GET /nguoi-dung"] = [Roles.Admin],
        ["GET /nhat-ky"] = [Roles.Admin, Roles.Inspector],
        ["GET /tai-khoan"] = [SignedIn],
        ["GET /thong-bao"] = [SignedIn],
        ["GET /tim-kiem"] = [SignedIn],
        // API
        ["GET /api/v1/me/"] = [SignedIn],
        ["GET /api/v1/search"] = [SignedIn],
        ["POST /api/v1/me/session"] = [SignedIn],
        ["POST /api/v1/me/reauthenticate"] = [SignedIn],
        ["GET /api/v1/me/keepalive"] = [SignedIn],
        ["GET /api/v1/me/tokens"] = [SignedIn],
        ["POST /api/v1/me/tokens"] = [SignedIn],
        ["DELETE /api/v1/me/tokens/{id:int}"] = [SignedIn],
        ["GET /api/v1/units/"] = [SignedIn],
        ["GET /api/v1/units/{id:int}"] = [SignedIn],
        ["POST /api/v1/units/"] = [Roles.Admin],
        ["PUT /api/v1/units/{id:int}"] = [Roles.Admin],
        ["POST /api/v1/units/{id:int}/deactivate"] = [Roles.Admin],
        ["GET /api/v1/units/export.xlsx"] = [SignedIn],
        ["POST /api/v1/units/import"] = [Roles.Admin],
        ["GET /api/v1/users/"] = [Roles.Admin],
        ["GET /api/v1/users/{id:int}"] = [Roles.Admin],
        ["POST /api/v1/users/"] = [Roles.Admin],
        ["PUT /api/v1/users/{id:int}"] = [Roles.Admin],
        ["POST /api/v1/users/{id:int}/deactivate"] = [Roles.Admin],
        ["POST /api/v1/users/{id:int}/activate"] = [Roles.Admin],
        ["POST /api/v1/users/{id:int}/reset-password"] = [Roles.Admin],
        ["POST /api/v1/users/{id:int}/unlock"] = [Roles.Admin],
        ["GET /api/v1/audit"] = [Roles.Admin, Roles.Inspector],
["GET /api/v1/audit/verify"] = [Roles.Admin, Roles.Inspector],
        ["GET /api/v1/documents/"] = [SignedIn],
        ["GET /api/v1/documents/{id:int}"] = [SignedIn],
        ["POST /api/v1/documents/"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["PUT /api/v1/documents/{id:int}"] = [Roles.Admin, Roles.Coordinator],
        ["DELETE /api/v1/documents/{id:int}"] = [Roles.Admin, Roles.Coordinator],
        ["PUT /api/v1/documents/{id:int}/file"] = [Roles.Admin, Roles.Coordinator],
        ["GET /api/v1/documents/{id:int}/file"] = [SignedIn],
        ["GET /api/v1/plans/"] = [SignedIn],
        ["GET /api/v1/plans/{id:int}"] = [SignedIn],
        ["GET /api/v1/plans/{id:int}/tasks"] = [SignedIn],
        ["POST /api/v1/plans/"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["PUT /api/v1/plans/{id:int}"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["DELETE /api/v1/plans/{id:int}"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["POST /api/v1/plans/{id:int}/nodes"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["PUT /api/v1/nodes/{id:int}"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["DELETE /api/v1/nodes/{id:int}"] = [Roles.Admin, Roles.Coordinator, Roles.UnitHead, Roles.UnitOfficer],
        ["GET /api/v1/assignments/{id:int}"] = [SignedIn],
        ["POST /api/v1/plans/import/parse"] = [Roles.Admin, Roles.Coordinator],
        ["POST /api/v1/nodes/{id:int}/comments"] = [SignedIn],
        ["GET /api/v1/tasks"] = [SignedIn],
        ["GET /api/v1/tasks/export.xlsx"] = [SignedIn],
        ["GET /api/v1/occurrences/{id:int}"] = [SignedIn],
        ["POST /api/v1/occurrences/{id:int}/updates"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["POST /api/v1/updates/{id:int}/review"] = [Roles.Admin, Roles.Coordinator],
        ["POST /api/v1/occurrences/{id:int}/extensions"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["POST /api/v1/extensions/{id:int}/decision"] = [Roles.Admin, Roles.Coordinator],
        ["GET /api/v1/files/{id:int}"] = [SignedIn],
        ["GET /api/v1/reminders/settings"] = [SignedIn],
        ["PUT /api/v1/reminders/settings"] = [Roles.Admin, Roles.Coordinator],
        ["POST /api/v1/reminders/run"] = [Roles.Admin, Roles.Coordinator],
        ["GET /api/v1/reminders/history"] = [SignedIn],
        ["GET /api/v1/report-templates/"] = [SignedIn],
        ["GET /api/v1/report-templates/{id:int}"] = [SignedIn],
        ["POST /api/v1/report-templates/"] = [Roles.Admin, Roles.Coordinator],
        ["PUT /api/v1/report-templates/{id:int}"] = [Roles.Admin, Roles.Coordinator],
        ["POST /api/v1/report-templates/from-plan"] = [Roles.Admin, Roles.Coordinator],
        ["POST /api/v1/report-templates/{id:int}/periods"] = [Roles.Admin, Roles.Coordinator],
        ["GET /api/v1/report-periods/"] = [SignedIn],
        ["GET /api/v1/report-periods/{id:int}/completeness"] = [SignedIn],
        ["GET /api/v1/report-periods/{id:int}/completeness.xlsx"] = [SignedIn],
        ["GET /api/v1/report-periods/{id:int}/consolidation"] = [Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Inspector],
        ["PUT /api/v1/report-periods/{id:int}/consolidation"] = [Roles.Admin, Roles.Coordinator],
        ["GET /api/v1/report-periods/{id:int}/consolidated.docx"] = [Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Inspector],
        ["GET /api/v1/report-periods/{id:int}/indicators.xlsx"] = [Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Inspector],
        ["GET /api/v1/reports/{id:int}"] = [SignedIn],
        ["GET /api/v1/reports/{id:int}.docx"] = [SignedIn],
        ["PUT /api/v1/reports/{id:int}"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["POST /api/v1/reports/{id:int}/prefill"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["POST /api/v1/reports/{id:int}/submit"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["POST /api/v1/reports/{id:int}/review"] = [Roles.Admin, Roles.Coordinator],
        ["POST /api/v1/reports/{id:int}/files"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["DELETE /api/v1/reports/{id:int}/files/{fileId:int}"] = [Roles.UnitHead, Roles.UnitOfficer],
        ["GET /api/v1/reports/{id:int}/files/{fileId:int}"] = [SignedIn],
        ["GET /api/v1/reports/{id:int}/submissions/{submissionId:int}/diff"] = [SignedIn],
        ["GET /api/v1/calendar/{year:int}"] = [SignedIn],
        ["GET /api/v1/calendar/add-working-days"] = [SignedIn],
        ["POST /api/v1/calendar/extra-days"] = [Roles.Admin],
        ["DELETE /api/v1/calendar/extra-days/{id:int}"] = [Roles.Admin],
        ["POST /api/v1/urging-letters/"] = [Roles.Admin, Roles.Coordinator],
        ["GET /api/v1/urging-letters/"] = [SignedIn],
        ["GET /api/v1/urging-letters/{id:int}.docx"] = [SignedIn],
        ["GET /api/v1/urging/overdue"] = [SignedIn],
        ["GET /api/v1/notifications/"] = [SignedIn],
        ["POST /api/v1/notifications/{id:int}/read"] = [SignedIn],
        ["POST /api/v1/notifications/read-all"] = [SignedIn],
        ["GET /api/v1/notifications/preferences"] = [SignedIn],
        ["PUT /api/v1/notifications/preferences"] = [SignedIn],
        ["GET /api/v1/rankings"] = [SignedIn],
        ["GET /api/v1/rankings.xlsx"] = [SignedIn],
    };

    private static readonly HashSet<string> FormEndpoints = ["POST /api/v1/units/import", "POST /api/v1/occurrences/{id:int}/updates",
        "PUT /api/v1/documents/{id:int}/file", "POST /api/v1/reports/{id:int}/files"];

    public static TheoryData<string> Who => ["(anonymous)", .. Roles.All];

    private static IEnumerable<string> MappedEndpoints(DonDocApp app)
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            // Framework plumbing: static files, Blazor's circuit hub and its helpers.
            if (pattern.StartsWith("/_", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
                || pattern.Contains("{**", StringComparison.Ordinal) && !pattern.StartsWith("/api", StringComparison.Ordinal))
                continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            foreach (var method in methods)
            {
                // Pages also accept POST for their forms; the GET row speaks for the page.
                if (isPage && method != "GET")
                    continue;
                if (method is "HEAD" or "OPTIONS")
                    continue;
                yield return $"{method} {pattern}";
            }
        }
    }

    [Fact]
    public void An_endpoint_marked_with_nothing_needs_a_signed_in_user()
    {
        var options = apps.For(Provider.Sqlite).Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        Assert.Contains(options.FallbackPolicy?.Requirements ?? [], r => r is DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task Signing_out_needs_the_form_of_this_site()
    {
        var (client, _, _) = await apps.For(Provider.Sqlite).SignedInAsync(Roles.Staff);

        var forged = await client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public void Every_mapped_page_and_endpoint_is_in_the_table()
    {
        var mapped = MappedEndpoints(apps.For(Provider.Sqlite)).Distinct().ToList();

        var missing = mapped.Where(m => !Table.ContainsKey(m)).ToList();
        var stale = Table.Keys.Where(k => !mapped.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Mapped but not in the table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "In the table but no longer mapped: " + string.Join(", ", stale));
    }

    [Theory, MemberData(nameof(Who))]
    public async Task Each_role_gets_exactly_what_the_table_says(string who)
    {
        var app = apps.For(Provider.Sqlite);
        HttpClient client;
        if (who == "(anonymous)")
            client = app.NewClient();
        else
        {
            client = (await app.SignedInAsync(who)).Client;
            // Changes to users also need the password again; that second gate has its own tests.
            await client.ConfirmPasswordAsync();
        }

        var wrong = new List<string>();
        foreach (var (key, allowed) in Table)
        {
            var method = key[..key.IndexOf(' ')];
            var url = Sample(key[(key.IndexOf(' ') + 1)..]);
            // Signing out would end this client's session; the second-step page sends a visitor with no pending
            // sign-in back to the login form by design. Both are public.
            if (key is "POST /dang-xuat" or "GET /dang-nhap/xac-thuc")
                continue;
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            // Routing answers 415 before authorization when the body's type is not one the endpoint takes.
            if (method is "POST" or "PUT")
                request.Content = FormEndpoints.Contains(key) ? new MultipartFormDataContent() : new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var outcome = Outcome(response);
            var expected = allowed.Contains(Anyone) ? "allowed"
                : who == "(anonymous)" ? "sign-in"
                : allowed.Contains(SignedIn) || allowed.Contains(who) ? "allowed" : "denied";
            if (outcome != expected)
                wrong.Add($"{key}: expected {expected}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
            // An empty body or an unknown id is bad input: a 4xx that says so, never a crash.
            else if ((int)response.StatusCode >= 500)
                wrong.Add($"{key}: answered {(int)response.StatusCode} to an empty body");
        }
        Assert.Empty(wrong);
    }

    private static string Sample(string pattern) => pattern
        .Replace("{id:int}", "999999").Replace("{submissionId:int}", "999999").Replace("{fileId:int}", "999999").Replace("{year:int}", "2026").Replace("{documentName}", "v1").Replace("/{documentName?}", "/v1");

    private static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "sign-in",
            HttpStatusCode.Forbidden => "denied",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/dang-nhap", StringComparison.Ordinal) => "sign-in",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/khong-co-quyen", StringComparison.Ordinal) => "denied",
            _ => "allowed",
        };
    }
}
