using PhoChau.Core.Petitions;

namespace PhoChau.Portal.Features.Petitions;

/// <summary>File downloads (a circuit cannot send a file): the import template and stored attachments.</summary>
public static class PetitionEndpoints
{
    public static void MapPetitionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var app = endpoints.MapFileEndpoints();
        app.MapGet("/petitions/import/template", async (PetitionImport import) =>
            Results.File(await import.TemplateAsync(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhap-kien-nghi.xlsx"))
            .RequireAuthorization(p => p.RequireRole(Roles.Chairman, Roles.ViceChairman, Roles.Secretary));

        app.MapGet("/attachments/{id:int}", async (int id, HttpContext http, AttachmentService attachments) =>
        {
            var (info, content) = await attachments.OpenAsync(ActorFactory.FromPrincipal(http.User), id);
            return Results.File(content, info.ContentType, info.FileName);
        });
    }
}
