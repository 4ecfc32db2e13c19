using PhoChau.Core.Common;
using PhoChau.Core.Reports;
using PhoChau.Portal.Security;

namespace PhoChau.Portal.Features.Reports;

/// <summary>GET /reports/{dialogueId}/{kind}.xlsx: the file is built for the signed-in user's role and streamed.</summary>
public static class ReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{dialogueId:int}/{kind}.xlsx", async (int dialogueId, string kind, HttpContext http, ReportService reports) =>
        {
            if (!Enum.TryParse<ReportKind>(kind, ignoreCase: true, out var k)) return Results.NotFound();
            var buffer = new MemoryStream();
            try
            {
                await reports.WriteAsync(ActorFactory.FromPrincipal(http.User), dialogueId, k, buffer, http.RequestAborted);
            }
            catch (NotFoundException) { return Results.NotFound(); }
            catch (ForbiddenException) { return Results.Forbid(); }
            buffer.Position = 0;
            return Results.File(buffer, Xlsx, ReportService.FileName(k, dialogueId));
        });

        app.MapGet("/documents/{dialogueId:int}/{kind}.docx", async (int dialogueId, string kind, HttpContext http, DocumentService documents) =>
        {
            if (!Enum.TryParse<DocumentKind>(kind, ignoreCase: true, out var k)) return Results.NotFound();
            var buffer = new MemoryStream();
            try
            {
                await documents.WriteAsync(ActorFactory.FromPrincipal(http.User), dialogueId, k, buffer, http.RequestAborted);
            }
            catch (NotFoundException) { return Results.NotFound(); }
            catch (ForbiddenException) { return Results.Forbid(); }
            buffer.Position = 0;
            return Results.File(buffer, Docx, DocumentService.FileName(k, dialogueId));
        });
    }
}
