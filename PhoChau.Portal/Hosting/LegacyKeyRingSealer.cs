using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Persistence.Postgres;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// On a province's first start with Keys:MasterKeyFile, the keys of the ring written before it (in clear in the
/// database) are sealed in place: from then on a dump of the database alone opens no scan, old or new.
/// </summary>
public sealed class LegacyKeyRingSealer(IDbContextFactory<PostgresDbContext> dbFactory, MasterKey master, ILogger<LegacyKeyRingSealer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var encryptor = new MasterKeyXmlEncryptor(master);
        var sealedCount = 0;
        foreach (var key in await db.DataProtectionKeys.ToListAsync(ct))
        {
            if (key.Xml is null || encryptor.SealLegacy(key.Xml) is not { } sealedXml) continue;
            key.Xml = sealedXml;
            sealedCount++;
        }
        if (sealedCount == 0) return;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Đã niêm phong {Count} khóa bảo vệ dữ liệu vốn lưu dạng rõ. / Sealed Data Protection keys that were stored in clear.", sealedCount);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
