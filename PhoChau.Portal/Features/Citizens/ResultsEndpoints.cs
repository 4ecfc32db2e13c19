using System.Text.Json;
using PhoChau.Core.Citizens;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>The public results as data for anyone to reuse: GET /ket-qua.csv and /ket-qua.json (the same rows as /ket-qua).</summary>
public static class ResultsEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese letters as they are
        WriteIndented = true,
    };

    public static void MapResultsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ket-qua.csv", async (PublicResultsService results, CancellationToken ct) =>
            Results.File(PublicResultsService.Csv(await results.ListAsync(ct)), "text/csv; charset=utf-8", "ket-qua-doi-thoai.csv")).AllowAnonymous();
        endpoints.MapGet("/ket-qua.json", async (PublicResultsService results, CancellationToken ct) =>
            Results.Json(await results.ListAsync(ct), Json, "application/json; charset=utf-8")).AllowAnonymous();
    }
}
