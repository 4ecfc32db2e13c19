namespace PhoChau.Core.Reports;

public static class SessionRecordReader
{
    public static async Task<SessionRecord> ReadAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var dialogue = await db.Dialogues.AsNoTracking().Include(d => d.Deadlines).SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
            ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var commune = await Commune.CommuneProfileService.ReadAsync(db, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var participants = await db.DialogueParticipants.AsNoTracking().Where(p => p.DialogueId == dialogueId)
            .Select(p => p.DepartmentId).ToListAsync(ct);
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.DialogueId == dialogueId).OrderBy(s => s.Position).ToListAsync(ct);
        var petitions = await db.Petitions.AsNoTracking().Where(p => p.DialogueId == dialogueId).OrderBy(p => p.Number).ToListAsync(ct);
        var voters = dialogue.Reason == Dialogues.DialogueReason.VotersRequest
            ? await Dialogues.VoterCount.OfYearAsync(db, Dialogues.VoterCount.YearOf(dialogue.VotersRequestDate, dialogue.Year), ct)
            : null;
        return new SessionRecord(dialogue, commune, participants.Select(id => departments.GetValueOrDefault(id, "")).ToList(), speakers, petitions, departments)
        {
            Voters = voters,
        };
    }
}
