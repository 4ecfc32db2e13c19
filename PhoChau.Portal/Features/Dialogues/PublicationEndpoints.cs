using PhoChau.Core.Dialogues;

namespace PhoChau.Portal.Features.Dialogues;

/// <summary>GET /dialogues/{id}/cong-khai/{channel}: a publication's proof, for signed-in staff of the dialogue's commune.</summary>
public static class PublicationEndpoints
{
    public static void MapPublicationEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFileEndpoints().MapGet("/dialogues/{id:int}/cong-khai/{channel}", async (int id, string channel, HttpContext http, PublicationService publications) =>
        {
            if (!Enum.GetNames<PublicationChannel>().Contains(channel)) return Results.NotFound(); // a name only: "7" is no channel
            var (proof, type, name) = await publications.ProofAsync(ActorFactory.FromPrincipal(http.User), id, Enum.Parse<PublicationChannel>(channel), http.RequestAborted);
            return Results.File(proof, type, name);
        });
}
