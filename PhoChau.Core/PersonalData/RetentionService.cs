using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoChau.Core.Auditing;
using PhoChau.Core.Petitions;

namespace PhoChau.Core.PersonalData;

/// <summary>
/// Personal data is kept no longer than its purpose needs: a petition whose matter is over (settled at the session,
/// replied to, closed, withdrawn or merged) keeps its petitioner's name, phone, address, ID number and scans for
/// <see cref="PersonalDataOptions.RetentionYears"/> after the last thing done on it, then is anonymised by the daily
/// job. The figures stay (the petition, its field, village, states and answers), and each run leaves one audit entry
/// per commune that says how many, never who.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<PhoChauDbContext> dbFactory, IOptions<PersonalDataOptions> options, IOptions<AttachmentOptions> attachments,
    TimeProvider clock, ILogger<RetentionService> log)
{
    public const string AuditEntity = "Retention";

    private static readonly PetitionState[] Over =
        [PetitionState.SettledAtSession, PetitionState.ReplySent, PetitionState.Closed, PetitionState.Withdrawn, PetitionState.Merged];

    /// <summary>Anonymises every petition past its retention, in every commune; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var years = options.Value.RetentionYears;
        if (years <= 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddYears(-years);
        return await CommuneProfileService.EachCommuneAsync(dbFactory, commune => RunForCommuneAsync(commune, now, cutoff, years, ct), ct);
    }

    private async Task<int> RunForCommuneAsync(int commune, DateTime now, DateTime cutoff, int years, CancellationToken ct)
    {
        List<string> files;
        int count;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var candidates = await db.Petitions.AsNoTracking()
                .Where(p => p.AnonymisedAtUtc == null && Over.Contains(p.State))
                .Select(p => new { p.Id, p.CreatedAtUtc, p.ClosedAtUtc, p.SessionOutcomeAtUtc, p.ReplySentOn, p.ReplyApprovedAtUtc, p.AnswerApprovedAtUtc })
                .ToListAsync(ct);
            var cutoffDate = DateOnly.FromDateTime(cutoff);
            var due = candidates.Where(p =>
                    new[] { p.CreatedAtUtc, p.ClosedAtUtc ?? DateTime.MinValue, p.SessionOutcomeAtUtc ?? DateTime.MinValue,
                        p.ReplyApprovedAtUtc ?? DateTime.MinValue, p.AnswerApprovedAtUtc ?? DateTime.MinValue }.Max() < cutoff
                    && (p.ReplySentOn is null || p.ReplySentOn < cutoffDate))
                .Select(p => p.Id).ToList();
            if (due.Count == 0) return 0;
            // Their speakers, phone requests and ratings go with them.
            var speakers = await db.SpeakerPetitions.AsNoTracking().Where(sp => due.Contains(sp.PetitionId)).Select(sp => sp.SpeakerId).Distinct().ToListAsync(ct);
            var requests = await db.SpeakerRequests.AsNoTracking().Where(r => r.SpeakerId != null && speakers.Contains(r.SpeakerId.Value)).Select(r => r.Id).ToListAsync(ct);
            var ratings = await db.PetitionRatings.AsNoTracking().Where(r => due.Contains(r.PetitionId)).Select(r => r.Id).ToListAsync(ct);
            files = await PersonalDataStore.AnonymiseAsync(db, new PersonalDataStore.Ids(due, speakers, requests, ratings), now, attachments, ct);
            count = due.Count;
            db.AuditEntries.Add(AuditEntry.By(Actor.System, now, AuditEntity, now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AuditAction.Updated,
                new AuditChange("Outcome", null, CoreText.Format(CoreText.Vietnamese, "Retention.Outcome", count, files.Count, years))));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        PersonalDataStore.DeleteFiles(files);
        log.LogInformation("Retention: anonymised {Count} petition(s) of commune {Commune} older than {Years} years", count, commune, years);
        return count;
    }
}
