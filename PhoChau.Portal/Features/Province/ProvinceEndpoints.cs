using Microsoft.Net.Http.Headers;
using PhoChau.Core.Province;

namespace PhoChau.Portal.Features.Province;

/// <summary>GET /tinh/so-lieu-{year}.xlsx: every commune's figures of a year, for a province account.</summary>
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
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.ProvinceReaders });
    }
}
