using Microsoft.AspNetCore.Components.Authorization;

namespace PhoChau.Portal.Security;

/// <summary>The signed-in user of this circuit as a Core <see cref="Actor"/>.</summary>
public sealed class CurrentActor(AuthenticationStateProvider auth)
{
    public async Task<Actor> GetAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return ActorFactory.FromPrincipal(state.User);
    }
}
