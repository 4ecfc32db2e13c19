using Microsoft.AspNetCore.SignalR;
using PhoChau.Portal.Components.Shared;

namespace PhoChau.Portal.Hubs;

/// <summary>
/// Every hub method: a refused rule (a session that does not exist, a role that may not act, a stale queue)
/// reaches the client as a HubException with the reason in the user's language, and so does a fault (a full
/// disk, a locked or lost database, a bug with its error id): the same words the browser screens show, instead of
/// SignalR's generic "An unexpected error occurred". The exception itself is logged, never sent.
/// </summary>
public sealed class HubRefusalFilter(IStringLocalizer<SharedResource> text, ILogger<HubRefusalFilter> log) : IHubFilter
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
        catch (Exception ex) when (ex is not (HubException or OperationCanceledException))
        {
            var id = FailureMessages.NewErrorId();
            log.LogError(ex, "Hub method {Method} failed (error {ErrorId}, {Kind})", context.HubMethodName, id, Failures.Classify(ex));
            throw new HubException(FailureMessages.For(ex, text, id));
        }
    }
}
