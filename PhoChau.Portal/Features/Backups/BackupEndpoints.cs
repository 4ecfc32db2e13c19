using PhoChau.Core.Backups;

namespace PhoChau.Portal.Features.Backups;

/// <summary>GET /admin/backups/{file}: an administrator downloads one of the listed backups (nothing else by that path).</summary>
public static class BackupEndpoints
{
    public static void MapBackupEndpoints(this IEndpointRouteBuilder app) =>
        app.MapFileEndpoints().MapGet("/admin/backups/{fileName}", (string fileName, BackupService backups) =>
            Results.File(backups.OpenRead(fileName), "application/zip", fileName))
        .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
}
