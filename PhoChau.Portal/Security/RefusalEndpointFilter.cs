namespace PhoChau.Portal.Security;

/// <summary>
/// The file endpoints' one answer to a refusal from Core: something missing, or not this user's to see, or a request
/// the service cannot build a file for (an impossible year), is 404; a role that may not have it is 403. Never a 500,
/// and never a hint that the thing exists. (The hub has <see cref="Hubs.HubRefusalFilter"/>, pages their base class.)
/// </summary>
public sealed class RefusalEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ForbiddenException)
        {
            return Results.Forbid();
        }
        catch (DomainException) when (!context.HttpContext.Response.HasStarted)
        {
            return Results.NotFound();
        }
    }
}

public static class RefusalEndpointFilterExtensions
{
    /// <summary>The file endpoints' group: every refusal answered by <see cref="RefusalEndpointFilter"/>.</summary>
    public static RouteGroupBuilder MapFileEndpoints(this IEndpointRouteBuilder app) => app.MapGroup("").AddEndpointFilter<RefusalEndpointFilter>();
}
