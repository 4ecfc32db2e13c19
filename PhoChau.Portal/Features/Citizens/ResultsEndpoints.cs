using PhoChau.Core.Citizens;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>The public results as data for anyone to reuse: GET /ket-qua.csv and /ket-qua.json (the same rows as /ket-qua).</summary>
public static class ResultsEndpoints
{
    public static void MapResultsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ket-qua.csv", async (PublicResultsService results, CancellationToken ct) =>
            Results.File(await results.CsvAsync(ct), "text/csv; charset=utf-8", "ket-qua-doi-thoai.csv")).AllowAnonymous();
        endpoints.MapGet("/ket-qua.json", async (PublicResultsService results, CancellationToken ct) =>
            Results.Bytes(await results.JsonAsync(ct), "application/json; charset=utf-8")).AllowAnonymous();
    }
}
