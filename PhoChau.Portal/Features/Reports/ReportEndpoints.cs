using PhoChau.Core.Common;
using PhoChau.Core.Reports;
using PhoChau.Core.Security;
using PhoChau.Portal.Security;

namespace PhoChau.Portal.Features.Reports;

/// <summary>
/// GET /reports/{dialogueId}/{kind}.xlsx and /documents/{dialogueId}/{kind}.docx: each file is built for the
/// signed-in user's role and sent as a download.
/// </summary>
public static class ReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{dialogueId:int}/{kind}.xlsx", (int dialogueId, string kind, HttpContext http, ReportService reports) =>
            FileAsync<ReportKind>(kind, http, Xlsx, k => ReportService.FileName(k, dialogueId),
                (actor, k, stream) => reports.WriteAsync(actor, dialogueId, k, stream, http.RequestAborted)));

        app.MapGet("/documents/{dialogueId:int}/{kind}.docx", (int dialogueId, string kind, HttpContext http, DocumentService documents) =>
            FileAsync<DocumentKind>(kind, http, Docx, k => DocumentService.FileName(k, dialogueId),
                (actor, k, stream) => documents.WriteAsync(actor, dialogueId, k, stream, http.RequestAborted)));
    }

    private static async Task<IResult> FileAsync<TKind>(string kind, HttpContext http, string contentType, Func<TKind, string> fileName,
        Func<Actor, TKind, Stream, Task> write) where TKind : struct, Enum
    {
        // Only a kind's name: Enum.TryParse would also take "7" and build a file for a kind that does not exist.
        var name = Enum.GetNames<TKind>().FirstOrDefault(n => string.Equals(n, kind, StringComparison.OrdinalIgnoreCase));
        if (name is null) return Results.NotFound();
        var k = Enum.Parse<TKind>(name);
        var buffer = new MemoryStream();
        try
        {
            await write(ActorFactory.FromPrincipal(http.User), k, buffer);
        }
        catch (NotFoundException) { return Results.NotFound(); }
        catch (ForbiddenException) { return Results.Forbid(); }
        buffer.Position = 0;
        return Results.File(buffer, contentType, fileName(k));
    }
}
