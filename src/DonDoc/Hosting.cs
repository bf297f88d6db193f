using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DonDoc.Calendar;
using DonDoc.Components;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Dashboard;
using DonDoc.Features.Import;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Reminders;
using DonDoc.Features.Reports;
using DonDoc.Features.Search;
using DonDoc.Features.Shell;
using DonDoc.Features.Units;
using DonDoc.Features.Urging;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace DonDoc;

public static class Hosting
{
    public static void AddDonDocServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        CultureInfo.DefaultThreadCurrentCulture = VietnamTime.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = VietnamTime.Culture;

        services.AddSingleton(TimeProvider.System);
        // A plan pasted for import, or a report's text, reaches the server as one message: the default 32 KB cuts
        // the circuit off at a dozen pages (a Government action programme runs to 110 KB).
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        services.AddMudServices();
        // Blazor would otherwise write Vietnamese letters from @-expressions as &#x...; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        // Behind nginx on the same machine: trust its X-Forwarded-For/Proto so HTTPS and client IPs are seen.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "DonDoc API";
            doc.Info.Description = "API của DonDoc: theo dõi, đôn đốc thực hiện kế hoạch của UBND tỉnh.";
            return Task.CompletedTask;
        }));

        // Keys that sign the login cookie survive restarts, so a restart does not sign everyone out.
        services.AddDataProtection()
            .SetApplicationName("DonDoc")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]
                ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys")));
        services.AddScoped<CurrentActor>();
        services.AddScoped<CircuitHandler, CircuitActorHandler>();
        services.AddDonDocDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddDonDocSecurity(builder.Configuration);
        services.AddDonDocRateLimits(builder.Configuration);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

        services.AddScoped<DonDoc.Demo.DemoData>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddUnits();
        services.AddUsers();
        services.AddPlans(builder.Configuration);
        services.AddImport();
        services.AddReports();
        services.AddCalendar(builder.Configuration);
        services.AddUrging();
        services.AddNotifications(builder.Configuration);
        services.AddReminders(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddDashboard(builder.Configuration);
    }

    public static void UseDonDocPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseVietnameseBadRequests();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/loi", createScopeForErrors: true);
            app.UseHsts();
        }
        // Pages show a Vietnamese "not found" page; the API keeps its bare status codes and problem details.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"),
            b => b.UseStatusCodePagesWithReExecute("/khong-tim-thay", createScopeForStatusCodePages: true));
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentActor>().Set(context.User);
            await next(context);
        });
        app.UseTwoFactorGate();
        app.UseTokenScopes();
        app.UseAuthorization();
        // After authentication, so the API is limited per person rather than per shared office address.
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("DonDoc API")).AllowAnonymous();
        app.MapHealthEndpoint();
        app.MapAccountEndpoints();
        app.MapUnitEndpoints();
        app.MapUserEndpoints();
        app.MapAuditEndpoints();
        app.MapPlanEndpoints();
        app.MapImportEndpoints();
        app.MapReportEndpoints();
        app.MapCalendarEndpoints();
        app.MapUrgingEndpoints();
        app.MapNotificationEndpoints();
        app.MapReminderEndpoints();
        app.MapSearchEndpoints();
        app.MapDashboardEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
