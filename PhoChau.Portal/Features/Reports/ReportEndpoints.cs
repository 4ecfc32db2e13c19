using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;

namespace PhoChau.Portal.Features.Reports;

/// <summary>
/// GET /reports/{dialogueId}/{kind}.xlsx and /documents/{dialogueId}/{kind}.docx: each file is built for the
/// signed-in user's role and sent as a download. The petition register streams to the browser as it is written;
/// the small reports and documents are built first, then sent.
/// </summary>
public static class ReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var app = endpoints.MapFileEndpoints();
        app.MapGet("/reports/{dialogueId:int}/{kind}.xlsx", async (int dialogueId, string kind, HttpContext http, ReportService reports) =>
        {
            if (Kind<ReportKind>(kind) is not { } k) return Results.NotFound();
            var actor = ActorFactory.FromPrincipal(http.User);
            await reports.EnsureReadableAsync(actor, dialogueId, http.RequestAborted); // refusals before the first byte
            if (k != ReportKind.PetitionRegister)
                return await BufferedAsync(http, Xlsx, ReportService.FileName(k, dialogueId), s => reports.WriteAsync(actor, dialogueId, k, s, http.RequestAborted));

            // The OpenXML writer writes synchronously, row by row, straight into the response.
            http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            http.Response.ContentType = Xlsx;
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = ReportService.FileName(k, dialogueId) }.ToString();
            await reports.WriteAsync(actor, dialogueId, k, http.Response.Body, http.RequestAborted);
            return Results.Empty;
        });

        // The commune's outgoing register of a year (issue 33.2), for the archives and the district.
        app.MapGet("/so-van-ban-di/{year:int}.xlsx", (int year, HttpContext http, OutgoingRegisterService register) =>
            year is < 2000 or > 2100 ? Task.FromResult(Results.NotFound())
                : BufferedAsync(http, Xlsx, $"so-van-ban-di-{year}.xlsx", s => register.ExportAsync(ActorFactory.FromPrincipal(http.User), year, s, http.RequestAborted)));

        app.MapGet("/documents/{dialogueId:int}/{kind}.docx", (int dialogueId, string kind, HttpContext http, DocumentService documents) =>
            DocumentAsync(dialogueId, kind, PaperFormat.Docx, http, documents));
        app.MapGet("/documents/{dialogueId:int}/{kind}.pdf", (int dialogueId, string kind, HttpContext http, DocumentService documents) =>
            DocumentAsync(dialogueId, kind, PaperFormat.Pdf, http, documents));
    }

    /// <summary>Where a document is downloaded (the routes above), for the pages' buttons.</summary>
    public static string DocumentUrl(int dialogueId, DocumentKind kind, PaperFormat format) =>
        $"/documents/{dialogueId}/{kind}{Path.GetExtension(DocumentService.FileName(kind, dialogueId, format))}";

    private static async Task<IResult> DocumentAsync(int dialogueId, string kind, PaperFormat format, HttpContext http, DocumentService documents)
    {
        if (Kind<DocumentKind>(kind) is not { } k) return Results.NotFound();
        var actor = ActorFactory.FromPrincipal(http.User);
        return await BufferedAsync(http, format == PaperFormat.Pdf ? "application/pdf" : Docx, DocumentService.FileName(k, dialogueId, format),
            s => documents.WriteAsync(actor, dialogueId, k, s, http.RequestAborted, format));
    }

    /// <summary>Only a kind's name: Enum.TryParse would also take "7" and build a file for a kind that does not exist.</summary>
    private static TKind? Kind<TKind>(string kind) where TKind : struct, Enum =>
        Enum.GetNames<TKind>().FirstOrDefault(n => string.Equals(n, kind, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<TKind>(name) : null;

    private static async Task<IResult> BufferedAsync(HttpContext http, string contentType, string fileName, Func<Stream, Task> write)
    {
        var buffer = new MemoryStream();
        await write(buffer);
        buffer.Position = 0;
        return Results.File(buffer, contentType, fileName);
    }
}
