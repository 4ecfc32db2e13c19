using PhoChau.Core.PersonalData;

namespace PhoChau.Portal.Features.PersonalData;

/// <summary>GET /du-lieu-ca-nhan/{id}/du-lieu.xlsx: the person's records named by a request, as one workbook to hand over.</summary>
public static class PersonalDataEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPersonalDataEndpoints(this IEndpointRouteBuilder app) =>
        app.MapFileEndpoints().MapGet("/du-lieu-ca-nhan/{id:int}/du-lieu.xlsx", async (int id, HttpContext http, DataRequestService requests) =>
            Results.File(await requests.ExportAsync(ActorFactory.FromPrincipal(http.User), id, http.RequestAborted), Xlsx, $"du-lieu-ca-nhan-yeu-cau-{id}.xlsx")).RequireAuthorization(p => p.RequireRole(Roles.PersonalDataHandlers.Split(',')));
}
