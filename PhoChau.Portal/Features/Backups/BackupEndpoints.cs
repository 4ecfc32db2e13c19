using PhoChau.Core.Backups;
using PhoChau.Core.Common;
using PhoChau.Core.Security;

namespace PhoChau.Portal.Features.Backups;

/// <summary>GET /admin/backups/{file}: an administrator downloads one of the listed backups (nothing else by that path).</summary>
public static class BackupEndpoints
{
    public static void MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/backups/{fileName}", (string fileName, BackupService backups) =>
        {
            try
            {
                return Results.File(backups.OpenRead(fileName), "application/zip", fileName);
            }
            catch (NotFoundException) { return Results.NotFound(); }
        }).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
    }
}
