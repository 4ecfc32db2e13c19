using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

/// <summary>
/// The last petition number taken in a dialogue. A dialogue held by village clusters numbers its own and all its
/// sessions' petitions as one series, so that no two of them share a code (the citizen's lookup and the public
/// results find a petition by its code). Called inside the caller's transaction: on SQLite that is already the write
/// lock; on PostgreSQL the dialogue's row is locked first, so two sessions' secretaries never take the same number.
/// </summary>
internal static class PetitionNumbers
{
    public static async Task<int> LastAsync(PhoChauDbContext db, Dialogue dialogue, CancellationToken ct)
    {
        var root = dialogue.ParentId ?? dialogue.Id;
        var series = await ClusterService.SeriesAsync(db, root, ct);
        if (series.Count > 1 && !db.Database.IsSqlite())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Dialogues\" WHERE \"Id\" = {root} FOR UPDATE", ct);
        return await db.Petitions.Where(p => series.Contains(p.DialogueId)).MaxAsync(p => (int?)p.Number, ct) ?? 0;
    }
}
