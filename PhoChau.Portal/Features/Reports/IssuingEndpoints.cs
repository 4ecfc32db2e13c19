using PhoChau.Core.Reports.Issuing;
using Microsoft.AspNetCore.Http.Features;
using PhoChau.Core.Reports;
using PhoChau.Core.Resources;

namespace PhoChau.Portal.Features.Reports;

/// <summary>
/// The issued versions as files, and the signing plugin's two addresses (the VGCA plugin's pattern): it fetches the
/// PDF with the ticket it was given and posts the signed PDF back to the same ticket. The plugin is another program
/// on the chairman's laptop, with no sign-in cookie: the one-time ticket (48 hex digits, 30 minutes) is its authority,
/// and a returned file is kept only if it is the offered document with a sound new signature.
/// </summary>
public static class IssuingEndpoints
{
    public static string VersionUrl(int id) => $"/van-ban/{id}.pdf";
    public static string PluginFileUrl(string ticket) => $"/ky-so/{ticket}/van-ban.pdf";
    public static string PluginUploadUrl(string ticket) => $"/ky-so/{ticket}";

    public static void MapIssuingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapFileEndpoints();
        files.MapGet("/van-ban/{id:int}.pdf", async (int id, HttpContext http, IssuingService issuing) =>
        {
            var (pdf, name) = await issuing.DownloadAsync(ActorFactory.FromPrincipal(http.User), id, http.RequestAborted);
            return Results.File(pdf, "application/pdf", name);
        });

        // The evidence pack of a dialogue for the province's assessment: built in memory (a few documents), then sent.
        files.MapGet("/dialogues/{id:int}/ho-so.zip", async (int id, HttpContext http, EvidencePackService pack) =>
        {
            var buffer = new MemoryStream();
            await pack.WriteAsync(ActorFactory.FromPrincipal(http.User), id, buffer, http.RequestAborted);
            buffer.Position = 0;
            return Results.File(buffer, "application/zip", EvidencePackService.FileName(id));
        });

        endpoints.MapGet("/ky-so/{ticket}/van-ban.pdf", async (string ticket, SigningPluginService plugin, CancellationToken ct) =>
            await plugin.PluginFileAsync(ticket, ct) is { } file ? Results.File(file.Pdf, "application/pdf", file.FileName) : Results.NotFound())
            .AllowAnonymous();

        endpoints.MapPost("/ky-so/{ticket}", async (string ticket, HttpRequest request, SigningPluginService plugin, CancellationToken ct) =>
        {
            // Nothing larger than a document may be is read at all: refused before reading when it says its size, and
            // cut off as soon as it passes the limit when it does not (it was buffered whole, then answered 500).
            if (request.ContentLength > MaxPostBytes) return TooLarge();
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = MaxPostBytes;
            byte[]? signed;
            try
            {
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    if (form.Files.Count == 0) return Answer(StatusCodes.Status400BadRequest, 1, Said("Issuing.NoFile"));
                    await using var s = form.Files[0].OpenReadStream();
                    signed = await ReadAsync(s, ct);
                }
                else signed = await ReadAsync(request.Body, ct);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge();
            }
            catch (InvalidDataException)
            {
                return TooLarge(); // the form reader's own limit on a part
            }
            if (signed is null) return TooLarge();
            try
            {
                var version = await plugin.AcceptFromPluginAsync(ticket, signed, ct);
                return Results.Json(new Dictionary<string, object> { ["Status"] = 0, ["Message"] = "", ["FileName"] = $"{version.Code}.pdf", ["FileServer"] = $"/xac-minh/{version.Code}" });
            }
            catch (NotFoundException e)
            {
                return Answer(StatusCodes.Status404NotFound, 2, e.Message);
            }
            catch (DomainException e)
            {
                return Answer(StatusCodes.Status422UnprocessableEntity, 1, e.Message);
            }
        })
        .AllowAnonymous()
        .DisableAntiforgery(); // a program posts here, not a page: the one-time ticket is the authority
    }

    private static string Said(string key) => CoreText.Get(key);

    /// <summary>The plugin reads Status (0 = kept) and Message; a person reading the answer gets the same Vietnamese text.</summary>
    private static IResult Answer(int status, int code, string message) => Results.Json(new Dictionary<string, object> { ["Status"] = code, ["Message"] = message }, statusCode: status);

    /// <summary>The signed file and its form's wrapping.</summary>
    private const long MaxPostBytes = IssuingService.MaxPdfBytes + (1 << 20);

    private static IResult TooLarge() => Answer(StatusCodes.Status413PayloadTooLarge, 1, Said("Issuing.FileTooLarge"));

    /// <returns>The bytes, or null as soon as they pass the largest document (the rest is not read).</returns>
    private static async Task<byte[]?> ReadAsync(Stream s, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await s.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > IssuingService.MaxPdfBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
