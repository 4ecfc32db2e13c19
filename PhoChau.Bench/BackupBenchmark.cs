using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PhoChau.Core.Backups;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Bench;

/// <summary>
/// Issue "Run it for real": an online backup of 20,000 petitions and 200 MB of attachments while the petition
/// list keeps being served; the list's p95 during the backup against its p95 without one (target: within 2×). The scans
/// are sealed at rest as the portal keeps them, and the backup is sealed with a passphrase's key, as every backup is.
/// </summary>
public sealed class BackupBenchmark : IBenchmark
{
    public string Name => "backup";
    public string Description => "online backup of 20,000 petitions + 200 MB of attachments while the petition list is served: backup time, list p95 during vs without";

    public async Task RunAsync(string[] args)
    {
        var petitions = args.Length > 0 ? int.Parse(args[0]) : 20_000;
        var megabytes = args.Length > 1 ? int.Parse(args[1]) : 200;
        await using var bench = await BenchDatabase.CreateAsync();
        var dialogueId = await PetitionListBenchmark.SeedAsync(bench, petitions);
        await AddAttachmentsAsync(bench, dialogueId, megabytes);
        var query = bench.Get<PetitionQuery>();
        var secretary = new Actor("bench", "bench", new HashSet<string> { Roles.Secretary });
        var filter = new PetitionFilter { DialogueId = dialogueId };
        for (var i = 0; i < 10; i++) await query.FindAsync(secretary, filter);

        // Without a backup: the same number of list requests as fit in a backup's time, back to back.
        var quiet = new List<double>();
        for (var i = 0; i < 200; i++) quiet.Add(await TimeAsync(() => query.FindAsync(secretary, filter)));

        bench.Get<BackupKey>().SetPassphrase("mật khẩu sao lưu của bench", DateTime.UtcNow);
        var backups = bench.Get<BackupService>();
        var during = new List<double>();
        var sw = Stopwatch.StartNew();
        var backup = Task.Run(() => backups.CreateAsync(BackupReason.Manual));
        while (!backup.IsCompleted) during.Add(await TimeAsync(() => query.FindAsync(secretary, filter)));
        var info = await backup;
        var backupSeconds = sw.Elapsed.TotalSeconds;

        var (q50, q95) = (Percentiles.Of(quiet, 0.50), Percentiles.Of(quiet, 0.95));
        var (d50, d95) = (Percentiles.Of(during, 0.50), Percentiles.Of(during, 0.95));
        var ratio = d95 / q95;
        Console.WriteLine($"{petitions:N0} petitions, {megabytes} MB of attachments; backup {info.FileName}: {info.Bytes / 1048576.0:F0} MB zip in {backupSeconds:F1} s");
        Console.WriteLine($"{"petition list (first page)",-30} {"requests",9} {"p50 ms",8} {"p95 ms",8}");
        Console.WriteLine($"{"without a backup",-30} {quiet.Count,9} {q50,8:F1} {q95,8:F1}");
        Console.WriteLine($"{"during the backup",-30} {during.Count,9} {d50,8:F1} {d95,8:F1}");
        Console.WriteLine($"backup: {backupSeconds:F1} s, list p95 {ratio:F2}× during the backup (target ≤ 2×)");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>Scans of 500 KB (random bytes: they do not compress, as real JPEG and PDF scans do not), sealed at rest.</summary>
    private static async Task AddAttachmentsAsync(BenchDatabase bench, int dialogueId, int megabytes)
    {
        var root = bench.Get<IOptions<AttachmentOptions>>().Value.Root;
        var factory = bench.Get<IDbContextFactory<PhoChauDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var petitionIds = await db.Petitions.Select(p => p.Id).Take(megabytes * 2).ToListAsync();
        var buffer = new byte[512 * 1024];
        var cipher = bench.Get<AttachmentCipher>();
        foreach (var id in petitionIds)
        {
            RandomNumberGenerator.Fill(buffer);
            var relative = Path.Combine(dialogueId.ToString(), $"{id}-{Guid.NewGuid():N}.jpg");
            Directory.CreateDirectory(Path.Combine(root, dialogueId.ToString()));
            await File.WriteAllBytesAsync(Path.Combine(root, relative), cipher.Seal(buffer)); // sealed at rest, as the portal keeps them
            db.PetitionAttachments.Add(new PetitionAttachment
            {
                PetitionId = id, Purpose = AttachmentPurpose.Petition, FileName = "scan.jpg", ContentType = "image/jpeg", SizeBytes = buffer.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer)), StoragePath = relative, UploadedAtUtc = DateTime.UtcNow, UploadedBy = "bench",
            });
        }
        await db.SaveChangesAsync();
    }
}
