using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

/// <summary>
/// The last petition number taken in a dialogue's year. Numbers run per commune and year across all its dialogues and
/// cluster sessions (issue 33.3: two dialogues, or a dialogue and a cluster session, of one year once both had a
/// KN-2026-001), so that a code names one petition for the citizen's lookup, the public results and a phone call.
/// Called inside the caller's transaction: on SQLite that is already the write lock; on PostgreSQL a lock on the
/// commune's year is taken first, so two secretaries of one commune never take the same number.
/// </summary>
internal static class PetitionNumbers
{
    public static async Task<int> LastAsync(PhoChauDbContext db, Dialogue dialogue, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({dialogue.CommuneId}, {dialogue.Year})", ct);
        var year = dialogue.Year;
        return await db.Petitions.Where(p => db.Dialogues.Any(d => d.Id == p.DialogueId && d.Year == year && d.CommuneId == p.CommuneId)
                                             && p.CommuneId == dialogue.CommuneId)
            .MaxAsync(p => (int?)p.Number, ct) ?? 0;
    }
}
