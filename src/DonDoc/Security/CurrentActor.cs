using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DonDoc.Security;

public sealed record ActorInfo(int? UserId, string? UserName);

/// <summary>
/// The signed-in person of the current scope: an HTTP request (set by middleware) or a Blazor circuit
/// (set by <see cref="CircuitActorHandler"/>). Services read it instead of HttpContext, which a circuit lacks.
/// </summary>
public sealed class CurrentActor
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private Func<Task<ClaimsPrincipal>>? _fromCircuit;

    public void Set(ClaimsPrincipal principal) => _principal = principal;

    internal void UseCircuit(Func<Task<ClaimsPrincipal>> source) => _fromCircuit = source;

    public async Task<ClaimsPrincipal> PrincipalAsync() => _fromCircuit is null ? _principal : await _fromCircuit();

    public async Task<ActorInfo> GetAsync()
    {
        var p = await PrincipalAsync();
        return p.Identity?.IsAuthenticated == true
            ? new ActorInfo(p.UserId(), p.Identity.Name)
            : new ActorInfo(null, "hệ thống");
    }
}

/// <summary>Points the circuit's <see cref="CurrentActor"/> at the circuit's authentication state.</summary>
internal sealed class CircuitActorHandler(AuthenticationStateProvider auth, CurrentActor actor) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        actor.UseCircuit(async () => (await auth.GetAuthenticationStateAsync()).User);
        return Task.CompletedTask;
    }
}
