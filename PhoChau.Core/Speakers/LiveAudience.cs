using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Speakers;

/// <summary>
/// The most people who followed a session online at once (the 2025 law's records of a dialogue held online, art. 43):
/// viewers of the public live page and listeners of the hall's sound, as the portal sampled them. A measurement, not a
/// decision: not in the audit trail, and only ever raised.
/// </summary>
public class LiveAudience : ICommuneOwned
{
    private LiveAudience() { }

    public LiveAudience(int dialogueId) => DialogueId = dialogueId;

    public int DialogueId { get; private set; }
    public int CommuneId { get; set; }
    public int PeakViewers { get; private set; }
    public DateTime? PeakViewersAtUtc { get; private set; }
    public int PeakListeners { get; private set; }
    public DateTime? PeakListenersAtUtc { get; private set; }

    /// <summary>Keeps what was seen when it is more than the peak so far; true when a peak rose.</summary>
    public bool Saw(int viewers, int listeners, DateTime atUtc)
    {
        var rose = false;
        if (viewers > PeakViewers) (PeakViewers, PeakViewersAtUtc, rose) = (viewers, atUtc, true);
        if (listeners > PeakListeners) (PeakListeners, PeakListenersAtUtc, rose) = (listeners, atUtc, true);
        return rose;
    }
}

internal sealed class LiveAudienceConfiguration : IEntityTypeConfiguration<LiveAudience>
{
    public void Configure(EntityTypeBuilder<LiveAudience> e)
    {
        e.ToTable("LiveAudiences");
        e.HasKey(a => a.DialogueId);
        e.Property(a => a.DialogueId).ValueGeneratedNever();
        e.HasOne<Dialogue>().WithOne().HasForeignKey<LiveAudience>(a => a.DialogueId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Records the online audience's peaks of a session; writes only when a peak rises (the portal samples every few seconds).</summary>
public sealed class LiveAudienceService(IDbContextFactory<PhoChauDbContext> dbFactory, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(int Commune, int Dialogue), (int Viewers, int Listeners)> _known = new();

    /// <summary>What one portal node sees now of a session, in the flow's commune.</summary>
    public async Task RecordAsync(int dialogueId, int viewers, int listeners, CancellationToken ct = default)
    {
        var key = (CommuneScope.Current, dialogueId);
        if (_known.TryGetValue(key, out var known) && viewers <= known.Viewers && listeners <= known.Listeners) return;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var row = await db.LiveAudiences.SingleOrDefaultAsync(a => a.DialogueId == dialogueId, ct);
            if (row is null)
            {
                if (!await db.Dialogues.AnyAsync(d => d.Id == dialogueId, ct)) return; // another commune's, or gone
                row = new LiveAudience(dialogueId);
                db.LiveAudiences.Add(row);
            }
            var rose = row.Saw(viewers, listeners, clock.GetUtcNow().UtcDateTime);
            try
            {
                if (rose) await db.SaveChangesAsync(ct);
                _known[key] = (row.PeakViewers, row.PeakListeners);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node made the row first: read it again and raise it if still lower.
            }
        }
    }

    /// <summary>The session's peaks; zeros when nobody followed it online (or the portal never saw them).</summary>
    public static async Task<(int Viewers, int Listeners)> ReadAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct) =>
        await db.LiveAudiences.AsNoTracking().Where(a => a.DialogueId == dialogueId)
            .Select(a => new ValueTuple<int, int>(a.PeakViewers, a.PeakListeners)).SingleOrDefaultAsync(ct);
}
