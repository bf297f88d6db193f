using Bunit;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Users;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DonDoc.Tests.Features.Tasks;

/// <summary>
/// Renders the task pages with bUnit against the real app: its database, clock, authorization and the principal
/// the app builds for a signed-in user, as in that user's circuit.
/// </summary>
internal sealed class PageContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private PageContext(AsyncServiceScope scope)
    {
        _scope = scope;
        Bunit = new BunitContext();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public BunitContext Bunit { get; }

    public static async Task<PageContext> ForAsync(DonDocApp app, User user)
    {
        var principal = await app.PrincipalAsync(user);
        var context = new PageContext(app.Services.CreateAsyncScope());
        var sp = context._scope.ServiceProvider;
        var actor = sp.GetRequiredService<CurrentActor>();
        actor.Set(principal);
        var services = context.Bunit.Services;
        services.AddMudServices();
        services.AddSingleton(actor);
        services.AddSingleton(sp.GetRequiredService<IDbContextFactory<DonDocDbContext>>());
        services.AddSingleton<TimeProvider>(app.Clock);
        services.AddSingleton(app.Services.GetRequiredService<TaskTracking>());
        services.AddSingleton(sp.GetRequiredService<IAuthorizationService>());
        services.AddSingleton(app.Services.GetRequiredService<IConfiguration>());
        services.AddSingleton(app.Services.GetRequiredService<IWebHostEnvironment>());
        services.AddSupplyValueFromQueryProvider();
        // As in a live circuit: the pages enable their buttons only once they are interactive.
        context.Bunit.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Bunit.Render<MudPopoverProvider>();
        return context;
    }

    /// <summary>Opens <paramref name="url"/> the way the router would: the query string reaches the page's query parameters.</summary>
    public IRenderedComponent<TPage> Open<TPage>(string url, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Bunit.Render(parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
