using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Records;

/// <summary>
/// A dialogue's cluster sessions as the pages and papers show them: each with how many spoke and how many petitions
/// it took (read here, above Dialogues, because counting needs the speakers and petitions).
/// </summary>
public sealed class ClusterSessions(IDbContextFactory<PhoChauDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ClusterSession>> ListAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, dialogueId, ct);
    }

    /// <summary>The cluster sessions of a dialogue by date (cancelled ones left out); empty for a dialogue not held by clusters.</summary>
    public static async Task<IReadOnlyList<ClusterSession>> ReadAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var sessions = await db.Dialogues.AsNoTracking().Where(d => d.ParentId == dialogueId && d.State != DialogueState.Cancelled).ToListAsync(ct);
        if (sessions.Count == 0) return [];
        var ids = sessions.Select(s => s.Id).ToList();
        var villages = await ClusterService.VillagesOfAsync(db, ids, ct);
        var speakers = await db.Speakers.AsNoTracking().Where(s => ids.Contains(s.DialogueId))
            .GroupBy(s => s.DialogueId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var petitions = await db.Petitions.AsNoTracking().Where(p => ids.Contains(p.DialogueId))
            .GroupBy(p => p.DialogueId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return sessions
            .OrderBy(s => s.SessionDate ?? DateOnly.MaxValue).ThenBy(s => s.StartTime).ThenBy(s => s.Id)
            .Select(s => new ClusterSession(s.Id, s.ClusterName, villages[s.Id].ToList(),
                s.SessionDate, s.StartTime, s.Venue, s.State, s.WasHeld() ? s.HeldOn() : null,
                speakers.GetValueOrDefault(s.Id), petitions.GetValueOrDefault(s.Id)))
            .ToList();
    }
}
