using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PhoChau.Core.Auditing;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Core.Reports.Issuing;

/// <summary>
/// The signer's token through the browser plugin (the VGCA pattern): a one-time ticket lets the plugin fetch the version
/// and return it signed; the return is kept only if it is the offered file with a sound new signature over all of it.
/// </summary>
public sealed class SigningPluginService(IDbContextFactory<PhoChauDbContext> dbFactory, IOptionsMonitor<SigningOptions> options,
    TimeProvider clock, SignatureTrustList trust)
{
    /// <summary>A one-time ticket for the plugin to fetch this version and return it signed (the chairman's signature).</summary>
    public async Task<PluginOffer> OfferToPluginAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Demand(Permission.Chair);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Set<IssuedDocument>().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        IssuedStateMachine.Demand(d, IssuedState.Signed);
        d.PluginTicket = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        d.PluginTicketExpiresUtc = clock.GetUtcNow().UtcDateTime.AddMinutes(options.CurrentValue.PluginTicketMinutes);
        db.AuditEntries.Add(AuditEntry.By(actor, clock.GetUtcNow().UtcDateTime, nameof(IssuedDocument), d.Id, AuditAction.Updated,
            new AuditChange("PluginTicketExpiresUtc", null, d.PluginTicketExpiresUtc.Value.ToString("O", CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(actor, ct);
        return new PluginOffer(d.PluginTicket, d.NumberAndSymbol, d.IssuedOn);
    }

    /// <summary>The file the plugin fetches with its ticket (no sign-in: the plugin is another program).</summary>
    public async Task<(byte[] Pdf, string FileName)?> PluginFileAsync(string? ticket, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await FindTicketAsync(db, ticket, ct);
        return d is null ? null : (d.Pdf, IssuingService.FileName(d));
    }

    /// <summary>
    /// The plugin's signed file: kept as the version only if it is the offered file with a sound new signature over
    /// the whole of it; anything else is refused with the reason, and the offered version stays as it was.
    /// </summary>
    public async Task<IssuedVersion> AcceptFromPluginAsync(string? ticket, byte[] signed, CancellationToken ct = default)
    {
        // The ticket alone says whose document it is: the plugin carries no sign-in, and so no commune.
        var commune = await CommuneOfTicketAsync(ticket, ct) ?? throw new NotFoundException(CoreText.Get("Issuing.TicketInvalid"));
        using var scope = CommuneScope.Enter(commune);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await FindTicketAsync(db, ticket, ct) ?? throw new NotFoundException(CoreText.Get("Issuing.TicketInvalid"));
        if (signed.Length > IssuingService.MaxPdfBytes) throw new DomainException(CoreText.Get("Issuing.FileTooLarge"));
        var roots = trust.Roots();
        if (PdfSignatureCheck.RefusalOfReturned(d.Pdf, signed, roots, clock) is { } refusal) throw new DomainException(refusal);
        var signature = PdfSignatureCheck.Check(signed, roots, clock: clock)[^1];
        var signer = signature.Signer;
        var before = d.State;
        d.Pdf = signed;
        d.Sha256 = IssuingService.Hash(signed);
        d.MoveTo(IssuedState.Signed);
        d.Signers = IssuingService.Append(d.Signers, signer);
        d.SignedAtUtc = clock.GetUtcNow().UtcDateTime;
        d.PluginTicket = null;
        d.PluginTicketExpiresUtc = null;
        // Signed by the token's holder: the audit names the certificate's signer and who issued the certificate.
        var holder = new Actor("token", signer, new HashSet<string>());
        db.AuditEntries.Add(AuditEntry.By(holder, d.SignedAtUtc.Value, nameof(IssuedDocument), d.Id, AuditAction.Updated,
            new AuditChange("State", before.ToString(), d.State.ToString()), new AuditChange("SignedBy", null, $"{signer} ({signature.Issuer})"),
            new AuditChange("Sha256", null, d.Sha256)));
        await db.SaveChangesAsync(holder, ct);
        return IssuingService.View(d);
    }

    private static bool WellFormed(string? ticket) => ticket is { Length: 48 } && ticket.All(char.IsAsciiHexDigitLower);

    private async Task<int?> CommuneOfTicketAsync(string? ticket, CancellationToken ct)
    {
        if (!WellFormed(ticket)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<IssuedDocument>().IgnoreQueryFilters().Where(x => x.PluginTicket == ticket).Select(x => (int?)x.CommuneId).SingleOrDefaultAsync(ct);
    }

    private async Task<IssuedDocument?> FindTicketAsync(PhoChauDbContext db, string? ticket, CancellationToken ct)
    {
        if (!WellFormed(ticket)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var d = await db.Set<IssuedDocument>().IgnoreQueryFilters().SingleOrDefaultAsync(x => x.PluginTicket == ticket, ct);
        return d is { SupersededAtUtc: null, State: IssuedState.AwaitingSignature } && d.PluginTicketExpiresUtc > now ? d : null;
    }

}
