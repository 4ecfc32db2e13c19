using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Speakers;

/// <summary>
/// Registering to speak from a phone (the QR code on the hall display): a citizen's request waits, pending, on the
/// secretary's console until accepted into the queue (it then gets its place like any registration) or rejected.
/// Pending requests are announced to the operators only; the chair's console and the display never see them.
/// </summary>
public sealed class SpeakerRequestService(
    IDbContextFactory<PhoChauDbContext> dbFactory, SpeakerRequestInputValidator validator, SpeakerQueueService queue,
    PetitionService petitions, TrackingPin pins, TimeProvider clock)
{
    /// <summary>A session takes at most this many requests waiting at once (a flood from many phones is refused).</summary>
    public const int MaxPending = 200;

    /// <summary>What the public form shows of a session: its title and date, and whether it takes requests now. Null when there is none.</summary>
    public async Task<PublicSession?> SessionAsync(int dialogueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Dialogues.AsNoTracking().Where(d => d.Id == dialogueId)
            .Select(d => new PublicSession(d.Id, d.Title, d.SessionDate, d.Venue, d.State == DialogueState.InSession)).SingleOrDefaultAsync(ct);
    }

    public async Task<SpeakerRequest> SubmitAsync(int dialogueId, SpeakerRequestInput input, CancellationToken ct = default)
    {
        await validator.EnsureValidAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct); // the duplicate checks and the insert under one lock
        var d = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(x => x.Id == dialogueId, ct);
        if (d is null || d.State != DialogueState.InSession) throw new DomainException(CoreText.Get("Requests.NotInSession"));
        var name = VietnameseText.CleanName(input.Name);
        var from = VietnameseText.CleanName(input.VillageOrOrganisation);
        var phone = PhoneNumber.StoredOrNull(input.Phone);
        var open = await db.SpeakerRequests.AsNoTracking()
            .Where(r => r.DialogueId == dialogueId && r.Status != SpeakerRequestStatus.Rejected)
            .Select(r => new { r.Name, r.VillageOrOrganisation, r.Phone, r.Status }).ToListAsync(ct);
        if (phone is not null && open.Any(r => r.Phone == phone)) throw new DomainException(CoreText.Get("Requests.PhoneTwice"));
        var person = VietnameseText.PersonKey(name, from);
        if (open.Any(r => VietnameseText.PersonKey(r.Name, r.VillageOrOrganisation) == person))
            throw new DomainException(CoreText.Get("Requests.Twice"));
        if (open.Count(r => r.Status == SpeakerRequestStatus.Pending) >= MaxPending) throw new DomainException(CoreText.Get("Requests.Full"));
        var request = new SpeakerRequest
        {
            DialogueId = dialogueId, Name = name, VillageOrOrganisation = from, Topic = input.Topic.Trim(), Phone = phone,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            NotifyBySms = input.NotifyBySms, NotifyByZalo = input.NotifyByZalo, NotifyByEmail = input.NotifyByEmail,
            NamedPublicly = input.NamedPublicly, FollowsOnline = input.FollowsOnline,
        };
        Consent.Record(request, request.CreatedAtUtc, Actor.Citizen.UserName); // the validator demanded the box ticked
        db.SpeakerRequests.Add(request);
        db.Raise(RequestsChanged(dialogueId));
        await db.SaveChangesAsync(Actor.Citizen, ct);
        await tx.CommitAsync(ct);
        return request;
    }

    /// <summary>The key of a citizen's own link to the live page, where they follow their request (<see cref="OfLinkAsync"/>).</summary>
    public string LiveKey(SpeakerRequest request) => $"{request.Id}-{pins.LinkToken(CitizenLinks.Live, request.Id)}";

    /// <summary>
    /// A request to speak from afar as its citizen sees it on the live page: pending, accepted (with the speaker it
    /// became) or rejected, and the number staff will call back. Null unless the link's token is that request's.
    /// </summary>
    public async Task<RemoteRequest?> OfLinkAsync(int dialogueId, int requestId, string? token, CancellationToken ct = default)
    {
        if (!pins.VerifyLink(CitizenLinks.Live, requestId, token)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SpeakerRequests.AsNoTracking().Where(r => r.Id == requestId && r.DialogueId == dialogueId && r.FollowsOnline)
            .Select(r => new RemoteRequest(r.Id, r.Status, r.SpeakerId, r.Phone)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The numbers to call back, by speaker, of those in the queue who follow online (for the secretary).</summary>
    public async Task<IReadOnlyDictionary<int, string>> CallBackNumbersAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SpeakerRequests.AsNoTracking()
            .Where(r => r.DialogueId == dialogueId && r.FollowsOnline && r.SpeakerId != null && r.Phone != null)
            .ToDictionaryAsync(r => r.SpeakerId!.Value, r => r.Phone!, ct);
    }

    /// <summary>The requests waiting for the secretary, oldest first.</summary>
    public async Task<IReadOnlyList<SpeakerRequest>> PendingAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SpeakerRequests.AsNoTracking()
            .Where(r => r.DialogueId == dialogueId && r.Status == SpeakerRequestStatus.Pending).OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Puts the request into the queue as a registration (refused like one, e.g. the same person already waiting). A
    /// citizen who asked to be told by message has their topic recorded as a petition first, with their channels and
    /// the consent they gave on the form, so they are told it was received (its code) and, later, its answer.
    /// </summary>
    public async Task<HallState> AcceptAsync(Actor actor, int requestId, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        var request = await PendingRequestAsync(requestId, ct);
        if (request.WantsMessages() && request.PetitionId is null) request = await RecordPetitionAsync(actor, request, ct);
        var state = await queue.RegisterAsync(actor, request.DialogueId,
            new SpeakerInput
            {
                Name = request.Name, VillageOrOrganisation = request.VillageOrOrganisation, Topic = request.Topic,
                PetitionIds = request.PetitionId is { } petitionId ? [petitionId] : [], NamedPublicly = request.NamedPublicly, Remote = request.FollowsOnline,
            }, ct);
        var speaker = state.Queue.Where(q => q.Status == SpeakerStatus.Waiting && q.Name == request.Name && q.VillageOrOrganisation == request.VillageOrOrganisation)
            .OrderByDescending(q => q.Position).FirstOrDefault();
        await DecideAsync(actor, request, SpeakerRequestStatus.Accepted, speaker?.SpeakerId, ct);
        return state;
    }

    public async Task RejectAsync(Actor actor, int requestId, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        var request = await PendingRequestAsync(requestId, ct);
        await DecideAsync(actor, request, SpeakerRequestStatus.Rejected, null, ct);
    }

    /// <summary>
    /// The request's topic as a petition raised at the session, linked to the request in the petition's own
    /// transaction: a second operator accepting at once, or the same accept tried again after the queue refused it,
    /// finds the link and records no second petition.
    /// </summary>
    private async Task<SpeakerRequest> RecordPetitionAsync(Actor actor, SpeakerRequest seen, CancellationToken ct)
    {
        // The queue's own refusal of the same person waiting comes before anything is recorded.
        SpeakerQueueService.EnsureNotQueued((await queue.GetStateAsync(seen.DialogueId, ct)).Queue.Select(q => (q.Status, q.Name, q.VillageOrOrganisation)),
            seen.Name, seen.VillageOrOrganisation);
        var input = await queue.RaisedAtSessionAsync(seen.DialogueId, seen.Name, seen.VillageOrOrganisation, seen.Topic, ct);
        input.Phone = seen.Phone;
        input.Email = seen.Email;
        (input.NotifyBySms, input.NotifyByZalo, input.NotifyByEmail) = (seen.NotifyBySms, seen.NotifyByZalo, seen.NotifyByEmail);
        input.Consent = true;
        input.ConsentGiven = seen;
        SpeakerRequest? linked = null;
        await petitions.CreateAsync(actor, input, async (db, petition) =>
        {
            linked = await db.SpeakerRequests.SingleAsync(r => r.Id == seen.Id, ct);
            db.ExpectVersion(linked, seen.Version); // two operators accepting at once: one records the petition
            linked.PetitionId = petition.Id;
            await db.SaveChangesAsync(actor, ct);
        }, ct);
        return linked!;
    }

    private async Task<SpeakerRequest> PendingRequestAsync(int requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.SpeakerRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
                      ?? throw new NotFoundException(CoreText.Get("Requests.NotFound"));
        if (request.Status != SpeakerRequestStatus.Pending) throw new DomainException(CoreText.Get("Requests.Decided"));
        return request;
    }

    private async Task DecideAsync(Actor actor, SpeakerRequest seen, SpeakerRequestStatus status, int? speakerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.SpeakerRequests.SingleAsync(r => r.Id == seen.Id, ct);
        db.ExpectVersion(request, seen.Version); // two operators deciding at once: one wins
        request.Decide(status, actor.UserName, clock.GetUtcNow().UtcDateTime, speakerId);
        db.Raise(RequestsChanged(request.DialogueId));
        await db.SaveChangesAsync(actor, ct);
    }

    /// <summary>The operators' screens reload the requests once the change is committed.</summary>
    private static HallChanged RequestsChanged(int dialogueId) => new(new HallChange(dialogueId, false, []) { RequestsChanged = true });
}

/// <summary>A session as the public registration form shows it.</summary>
public sealed record PublicSession(int Id, string Title, DateOnly? SessionDate, string Venue, bool TakesRequests);

/// <summary>A request to speak from afar, as its own citizen follows it on the live page.</summary>
public sealed record RemoteRequest(int Id, SpeakerRequestStatus Status, int? SpeakerId, string? Phone);
