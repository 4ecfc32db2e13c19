using Microsoft.Net.Http.Headers;
using PhoChau.Core.Province;
using Microsoft.AspNetCore.Authorization;

namespace PhoChau.Portal.Features.Province;

/// <summary>GET /tinh/so-lieu-{year}.xlsx: every commune's figures of a year; GET /tinh/ho-so-{commune}-{year}.zip: a commune's evidence packs of a year.</summary>
public static class ProvinceEndpoints
{
    public static void MapProvinceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapFileEndpoints().MapGet("/tinh/so-lieu-{year:int}.xlsx", async (int year, HttpContext http, ProvinceService province) =>
        {
            var figures = await province.FiguresAsync(ActorFactory.FromPrincipal(http.User), year, http.RequestAborted);
            var buffer = new MemoryStream();
            ProvinceService.WriteXlsx(figures, buffer);
            buffer.Position = 0;
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"so-lieu-doi-thoai-{year}.xlsx" }.ToString();
            return Results.Stream(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ProvinceReaders });

        // A commune's evidence packs of a year (the province's assessment): built in memory, a few documents a dialogue.
        app.MapFileEndpoints().MapGet("/tinh/ho-so-{communeId:int}-{year:int}.zip", async (int communeId, int year, HttpContext http, ProvinceService province) =>
        {
            var buffer = new MemoryStream();
            var name = await province.WritePackAsync(ActorFactory.FromPrincipal(http.User), communeId, year, buffer, http.RequestAborted);
            buffer.Position = 0;
            return Results.File(buffer, "application/zip", name);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.ProvinceReaders });
    }
}
