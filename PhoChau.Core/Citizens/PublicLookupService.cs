using System.Globalization;
using PhoChau.Core.Auditing;
using PhoChau.Core.Petitions;
using PhoChau.Core.Monitoring;

namespace PhoChau.Core.Citizens;

/// <summary>
/// The citizen's side: look a petition up with its code and PIN, and rate the written reply once. A wrong code, a
/// wrong PIN and a missing petition give the same answer (null), so nothing tells a stranger which codes exist.
/// </summary>
public sealed class PublicLookupService(IDbContextFactory<PhoChauDbContext> dbFactory, TrackingPin pins, TimeProvider clock, PortalMetrics metrics)
{
    public const int MaxComment = 1000;
    public const int MaxPinFailures = 5;

    public async Task<PublicPetitionView?> LookupAsync(string? code, string? pin, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Petition? p;
        try { p = await FindAsync(db, code, pin, ct); }
        catch (PinLockedException)
        {
            metrics.Lookup("locked");
            throw;
        }
        metrics.Lookup(p is null ? "not_found" : "found");
        if (p is null) return null;
        var department = p.LeadDepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var rating = await db.PetitionRatings.Where(r => r.PetitionId == p.Id).Select(r => (Satisfaction?)r.Rating).SingleOrDefaultAsync(ct);
        var (answer, reply) = PublicAnswer(p);
        DateOnly? deadline = p.State switch
        {
            PetitionState.NotSettled => p.ReplyDueDate,
            PetitionState.Received or PetitionState.Assigned or PetitionState.AnswerDrafted => p.AnswerDueDate,
            _ => null,
        };
        return new PublicPetitionView(p.Code, p.ReceivedOn, PetitionLabels.Fields[p.Field], CoreText.Get("Public.State." + p.State),
            department, deadline, answer, reply, p.ReplySentOn, reply is not null && rating is null, rating);
    }

    /// <summary>What of a petition's answers the public may read: an approved or session answer, and a reply once sent.</summary>
    public static (string? Answer, string? Reply) PublicAnswer(Petition p) => (p.State switch
    {
        PetitionState.SettledAtSession => p.SessionAnswer,
        PetitionState.AnswerApproved => p.Answer,
        PetitionState.Closed => p.SessionAnswer ?? (p.ReplySentOn is null ? p.Answer : null),
        _ => null,
    }, p.ReplySentOn is not null && p.ReplyApprovedAtUtc is not null ? p.ReplyText : null);

    /// <summary>The citizen's rating of the written reply: once, and only once a reply was sent.</summary>
    public async Task RateAsync(string? code, string? pin, Satisfaction rating, string? comment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await FindAsync(db, code, pin, ct) ?? throw new NotFoundException(CoreText.Get("Public.NotFound"));
        await SaveRatingAsync(db, p, rating, comment, RatingSource.Citizen, Actor.Citizen, ct);
    }

    /// <summary>The citizen's rating from the one-tap link of the "reply sent" message: its token works for that petition only.</summary>
    public async Task RateByLinkAsync(int petitionId, string? token, Satisfaction rating, string? comment, CancellationToken ct = default)
    {
        if (!pins.VerifyLink(CitizenLinks.Rate, petitionId, token)) throw new NotFoundException(CoreText.Get("Public.NotFound"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == petitionId, ct) ?? throw new NotFoundException(CoreText.Get("Public.NotFound"));
        await SaveRatingAsync(db, p, rating, comment, RatingSource.Citizen, Actor.Citizen, ct);
    }

    /// <summary>A rating the secretary takes by phone or in person.</summary>
    public async Task RecordAsync(Actor actor, int petitionId, Satisfaction rating, string? comment, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageWorkflow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == petitionId, ct) ?? throw new NotFoundException(CoreText.Get("Petitions.NotFound"));
        await SaveRatingAsync(db, p, rating, comment, RatingSource.Staff, actor, ct);
    }

    /// <summary>The rating of a petition the caller may already see (the petition page), or null.</summary>
    public async Task<PetitionRating?> RatingOfAsync(int petitionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PetitionRatings.AsNoTracking().SingleOrDefaultAsync(r => r.PetitionId == petitionId, ct);
    }

    private async Task SaveRatingAsync(PhoChauDbContext db, Petition p, Satisfaction rating, string? comment, RatingSource source, Actor actor, CancellationToken ct)
    {
        if (!Enum.IsDefined(rating)) throw new DomainException(CoreText.Get("Public.RatingInvalid"));
        if (p.ReplySentOn is null) throw new DomainException(CoreText.Get("Public.RateBeforeReply"));
        if ((comment?.Length ?? 0) > MaxComment) throw new DomainException(CoreText.Format("Public.CommentTooLong", MaxComment));
        if (await db.PetitionRatings.AnyAsync(r => r.PetitionId == p.Id, ct)) throw new DomainException(CoreText.Get("Public.AlreadyRated"));
        db.PetitionRatings.Add(new PetitionRating
        {
            PetitionId = p.Id, Rating = rating, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), Source = source,
            RecordedBy = actor.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try { await db.SaveChangesAsync(actor, ct); }
        catch (DbUpdateException) { throw new DomainException(CoreText.Get("Public.AlreadyRated")); } // the unique index: two at once
    }

    /// <summary>
    /// The petition whose code and PIN match, or null: every petition with that code is tried (codes repeat across
    /// dialogues). Wrong PINs are counted per code, whatever address they come from: after
    /// <see cref="MaxPinFailures"/> the code is locked until staff issue a new PIN (the citizen is told to contact the
    /// commune); every failure and the lock are in the audit trail.
    /// </summary>
    private async Task<Petition?> FindAsync(PhoChauDbContext db, string? code, string? pin, CancellationToken ct)
    {
        code = code?.Trim().ToUpperInvariant();
        pin = pin?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 30 || string.IsNullOrEmpty(pin)) return null;
        // By its code, or the one it had before codes were made unique (its receipt's PIN was issued on that one).
        var candidates = await db.Petitions.Where(p => (p.Code == code || p.FormerCode == code) && p.PinHash != null).ToListAsync(ct);
        if (candidates.Any(p => p.PinLockedAtUtc is not null)) throw new PinLockedException();
        var found = candidates.FirstOrDefault(p => pins.Verify(p.DialogueId, p.Code, pin, p.PinHash)
                                                   || p.FormerCode is { } former && pins.Verify(p.DialogueId, former, pin, p.PinHash));
        if (found is null && candidates.Count > 0)
        {
            // One counting statement a guess, however many arrive at once: each wrong PIN is counted and audited, none
            // fails on another's save (40 at once gave 500s, each a guess checked and not counted), and the petition's
            // version, which guards what staff saw, is left alone.
            var ids = candidates.Select(p => p.Id).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Petitions.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.PinLockedAtUtc, p => p.PinLockedAtUtc ?? (p.PinFailures + 1 >= MaxPinFailures ? now : (DateTime?)null))
                .SetProperty(p => p.PinFailures, p => p.PinFailures + 1), ct);
            var counted = await db.Petitions.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.PinFailures, p.PinLockedAtUtc }).ToListAsync(ct);
            foreach (var c in counted)
            {
                var changes = new List<AuditChange> { new("PinFailures", (c.PinFailures - 1).ToString(CultureInfo.InvariantCulture), c.PinFailures.ToString(CultureInfo.InvariantCulture)) };
                if (c.PinLockedAtUtc == now) changes.Add(new AuditChange("PinLockedAtUtc", null, now.ToString("O", CultureInfo.InvariantCulture)));
                db.AuditEntries.Add(AuditEntry.By(Actor.Citizen, now, nameof(Petition), c.Id, AuditAction.Updated, [.. changes]));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (counted.Any(c => c.PinLockedAtUtc is not null)) throw new PinLockedException();
        }
        else if (found is { PinFailures: > 0 })
        {
            // The right PIN: earlier slips do not count towards a lock (unless they locked it meanwhile).
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.Petitions.Where(p => p.Id == found.Id && p.PinLockedAtUtc == null).ExecuteUpdateAsync(u => u.SetProperty(p => p.PinFailures, 0), ct) > 0)
            {
                db.AuditEntries.Add(AuditEntry.By(Actor.Citizen, now, nameof(Petition), found.Id, AuditAction.Updated,
                    new AuditChange("PinFailures", found.PinFailures.ToString(CultureInfo.InvariantCulture), "0")));
                await db.SaveChangesAsync(ct);
            }
        }
        db.ChangeTracker.Clear();
        return found;
    }
}
