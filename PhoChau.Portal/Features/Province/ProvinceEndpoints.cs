using Microsoft.Net.Http.Headers;
using PhoChau.Core.Common;
using PhoChau.Core.Province;
using PhoChau.Core.Security;
using PhoChau.Portal.Security;

namespace PhoChau.Portal.Features.Province;

/// <summary>GET /tinh/so-lieu-{year}.xlsx: every commune's figures of a year, for a province account.</summary>
public static class ProvinceEndpoints
{
    public static void MapProvinceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tinh/so-lieu-{year:int}.xlsx", async (int year, HttpContext http, ProvinceService province) =>
        {
            var actor = ActorFactory.FromPrincipal(http.User);
            ProvinceFigures figures;
            try { figures = await province.FiguresAsync(actor, year, http.RequestAborted); }
            catch (ForbiddenException) { return Results.Forbid(); }
            catch (DomainException) { return Results.NotFound(); }
            var buffer = new MemoryStream();
            ProvinceService.WriteXlsx(figures, buffer);
            buffer.Position = 0;
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"so-lieu-doi-thoai-{year}.xlsx" }.ToString();
            return Results.Stream(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.ProvinceReaders });
    }
}
