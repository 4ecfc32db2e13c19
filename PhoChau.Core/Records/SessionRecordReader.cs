using PhoChau.Core.Dialogues;
using PhoChau.Core.Speakers;

namespace PhoChau.Core.Records;

public static class SessionRecordReader
{
    /// <param name="withClusters">
    /// For a dialogue held by clusters: count every cluster session's speakers and petitions with its own (the notice
    /// and the report add them); false for what is one session's only (its minutes).
    /// </param>
    public static async Task<SessionRecord> ReadAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct, bool withClusters = true)
    {
        var dialogue = await db.Dialogues.AsNoTracking().Include(d => d.Deadlines).SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
            ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var commune = await CommuneProfileService.ReadAsync(db, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var participants = await db.DialogueParticipants.AsNoTracking().Where(p => p.DialogueId == dialogueId)
            .Select(p => p.DepartmentId).ToListAsync(ct);
        var clusters = await ClusterSessions.ReadAsync(db, dialogueId, ct);
        List<int> sessions = [dialogueId, .. withClusters ? clusters.Select(c => c.Id) : []];
        var speakers = await db.Speakers.AsNoTracking().Where(s => sessions.Contains(s.DialogueId)).OrderBy(s => s.DialogueId != dialogueId).ThenBy(s => s.DialogueId).ThenBy(s => s.Position).ToListAsync(ct);
        var petitions = await db.Petitions.AsNoTracking().Where(p => sessions.Contains(p.DialogueId)).OrderBy(p => p.Number).ToListAsync(ct);
        var ownVillages = dialogue.ParentId is null ? [] : (await ClusterService.VillagesOfAsync(db, [dialogueId], ct))[dialogueId].ToList();
        var voters = dialogue.Reason == DialogueReason.VotersRequest
            ? await VoterCount.OfYearAsync(db, VoterCount.YearOf(dialogue.VotersRequestDate, dialogue.Year), ct)
            : null;
        return new SessionRecord(dialogue, commune, participants.Select(id => departments.GetValueOrDefault(id, "")).ToList(), speakers, petitions, departments)
        {
            Voters = voters,
            Clusters = clusters,
            OwnVillages = ownVillages,
            OnlineAudience = await LiveAudienceService.ReadAsync(db, dialogueId, ct),
        };
    }
}
