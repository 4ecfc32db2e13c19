namespace PhoChau.Core.Dialogues;

/// <summary>
/// A dialogue held by village clusters (art. 43, Law on Organisation of Local Government 2025: it may be split by
/// clusters of villages). Each cluster is a session of its own: a dialogue row with <see cref="Dialogue.ParentId"/>,
/// its villages, date, place, hall and minutes. The dialogue's notice of conclusions and report add every session's
/// petitions and speakers, and it is concluded only once its last cluster session is.
/// </summary>
public sealed class ClusterService(IDbContextFactory<PhoChauDbContext> dbFactory, ClusterInputValidator validator, DialogueService dialogues)
{
    /// <summary>The names of each cluster session's villages, in the commune's order of villages.</summary>
    public static async Task<ILookup<int, string>> VillagesOfAsync(PhoChauDbContext db, List<int> sessions, CancellationToken ct) =>
        (await (from cv in db.ClusterVillages.AsNoTracking()
                where sessions.Contains(cv.DialogueId)
                join v in db.Villages.AsNoTracking() on cv.VillageId equals v.Id
                orderby v.SortOrder, v.Name
                select new { cv.DialogueId, v.Name }).ToListAsync(ct)).ToLookup(x => x.DialogueId, x => x.Name);

    /// <summary>A dialogue's id and its cluster sessions' (just its own when it is not held by clusters).</summary>
    public static Task<List<int>> SeriesAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct) =>
        db.Dialogues.Where(d => d.Id == dialogueId || d.ParentId == dialogueId).Select(d => d.Id).ToListAsync(ct);

    /// <summary>
    /// A new cluster session of the dialogue: it takes the dialogue's chair, co-organisers, form, programme and
    /// departments, and its own name, villages, date, time and place (the dialogue's place when none is given).
    /// </summary>
    public async Task<int> AddAsync(Actor actor, int dialogueId, ClusterInput input, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await validator.EnsureValidAsync(input, ct);
        var villageIds = input.VillageIds.Distinct().ToList();
        Dialogue parent;
        List<int> participants;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            parent = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
                ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
            if (parent.ParentId is not null) throw new DomainException(CoreText.Get("Clusters.NotNested"));
            if (!DialogueStateMachine.IsEditable(parent.State)) throw new DomainException(CoreText.Get("Clusters.DialogueStarted"));
            await EnsureVillagesAsync(db, dialogueId, null, villageIds, ct);
            participants = await db.DialogueParticipants.Where(p => p.DialogueId == dialogueId).Select(p => p.DepartmentId).ToListAsync(ct);
        }
        var name = input.Name.Trim();
        var suffix = " — " + name;
        var session = DialogueInput.From(parent, participants);
        session.Title = (parent.Title.Length + suffix.Length > 300 ? parent.Title[..(300 - suffix.Length)] : parent.Title) + suffix;
        session.SessionDate = input.SessionDate;
        session.StartTime = input.StartTime;
        session.Venue = string.IsNullOrWhiteSpace(input.Venue) ? parent.Venue : input.Venue.Trim();
        try
        {
            var created = await dialogues.CreateAsync(actor, session, d =>
            {
                d.ParentId = dialogueId;
                d.ClusterName = name;
                d.ClusterVillages = villageIds.Select(v => new ClusterVillage { ParentId = dialogueId, VillageId = v }).ToList();
                // The notice of conclusions is the dialogue's, not each session's: no 5-day deadline to warn of here.
                d.Deadlines.RemoveAll(x => x.Key == DeadlineKeys.Conclusion);
            }, ct);
            return created.Id;
        }
        catch (DbUpdateException)
        {
            // Another screen put one of these villages in a cluster meanwhile: the unique index refused it; say which.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await EnsureVillagesAsync(db, dialogueId, null, villageIds, ct);
            throw;
        }
    }

    /// <summary>A cluster session's villages, as ids (what its page's choice starts from).</summary>
    public async Task<IReadOnlyList<int>> VillageIdsAsync(int clusterId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClusterVillages.AsNoTracking().Where(v => v.DialogueId == clusterId).Select(v => v.VillageId).ToListAsync(ct);
    }

    /// <summary>Changes the villages of a cluster session not held yet.</summary>
    public async Task SetVillagesAsync(Actor actor, int clusterId, IReadOnlyCollection<int> villageIds, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        var ids = villageIds.Distinct().ToList();
        if (ids.Count == 0) throw DomainException.ForField(nameof(ClusterInput.VillageIds), CoreText.Get("Clusters.NoVillage"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cluster = await db.Dialogues.Include(d => d.ClusterVillages).SingleOrDefaultAsync(d => d.Id == clusterId && d.ParentId != null, ct)
            ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        if (!DialogueStateMachine.IsEditable(cluster.State)) throw new DomainException(CoreText.Get("Dialogues.PastNoEdit"));
        await EnsureVillagesAsync(db, cluster.ParentId!.Value, clusterId, ids, ct);
        db.ClusterVillages.RemoveRange(cluster.ClusterVillages.Where(v => !ids.Contains(v.VillageId)));
        foreach (var id in ids.Where(id => cluster.ClusterVillages.All(v => v.VillageId != id)))
            cluster.ClusterVillages.Add(new ClusterVillage { ParentId = cluster.ParentId!.Value, VillageId = id });
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>The dialogue is concluded after its cluster sessions: refused while one is still to be held.</summary>
    public static async Task EnsureAllHeldAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var open = await db.Dialogues.AsNoTracking()
            .Where(c => c.ParentId == dialogueId && c.State != DialogueState.Concluded && c.State != DialogueState.Closed && c.State != DialogueState.Cancelled)
            .OrderBy(c => c.Id).Select(c => c.ClusterName).ToListAsync(ct);
        if (open.Count > 0) throw new DomainException(CoreText.Format("Clusters.NotAllHeld", string.Join(", ", open)));
    }

    /// <summary>Every village exists and is in use, and none is already in another cluster of the same dialogue.</summary>
    private static async Task EnsureVillagesAsync(PhoChauDbContext db, int parentId, int? exceptClusterId, List<int> ids, CancellationToken ct)
    {
        var villages = await db.Villages.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        if (villages.Count != ids.Count) throw DomainException.ForField(nameof(ClusterInput.VillageIds), CoreText.Get("Clusters.VillageNotFound"));
        if (villages.FirstOrDefault(v => !v.IsActive) is { } inactive) throw DomainException.ForField(nameof(ClusterInput.VillageIds), CoreText.Format("Clusters.VillageInactive", inactive.Name));
        var except = exceptClusterId ?? 0;
        var taken = await (from cv in db.ClusterVillages.AsNoTracking()
                           where cv.ParentId == parentId && cv.DialogueId != except && ids.Contains(cv.VillageId)
                           join d in db.Dialogues.AsNoTracking() on cv.DialogueId equals d.Id
                           orderby cv.Id
                           select new { cv.VillageId, d.ClusterName }).FirstOrDefaultAsync(ct);
        if (taken is not null)
            throw DomainException.ForField(nameof(ClusterInput.VillageIds), CoreText.Format("Clusters.VillageTaken", villages.Single(v => v.Id == taken.VillageId).Name, taken.ClusterName));
    }
}
