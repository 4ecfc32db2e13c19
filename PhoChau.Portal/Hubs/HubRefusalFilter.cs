using Microsoft.AspNetCore.SignalR;
using PhoChau.Core.Common;

namespace PhoChau.Portal.Hubs;

/// <summary>
/// Every hub method: a refused rule (a session that does not exist, a role that may not act, a stale queue)
/// reaches the client as a HubException with the reason in the user's language, instead of SignalR's generic
/// "An unexpected error occurred"; anything else stays hidden from the client and is logged.
/// </summary>
public sealed class HubRefusalFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
