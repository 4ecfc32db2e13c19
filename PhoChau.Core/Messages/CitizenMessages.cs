using System.Text.Json;
using Microsoft.Extensions.Options;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// What a citizen is told, on the channels they agreed to: their petition received (its code, never its PIN), its
/// written reply sent (with the lookup link and a one-tap link to rate the reply), and the dialogue's results
/// published. Every message says how to stop them (a link that works for that petition only). Queued in the
/// caller's unit of work; a channel that is off is simply not used.
/// </summary>
public sealed class CitizenMessages(TrackingPin pins, IOptionsMonitor<MessagesOptions> options, OutboxDelivery delivery, ZaloSender znsSender)
{
    public Task<int> QueueReceivedAsync(PhoChauDbContext db, Petition p, DateTime nowUtc, CancellationToken ct) =>
        QueueAsync(db, p, MessageKind.PetitionReceived, $"received:{p.Id}", (commune, links) => (
            $"Đã tiếp nhận kiến nghị {p.Code}",
            $"{Committee(commune)} đã tiếp nhận kiến nghị {p.Code} ngày {VietnameseDates.Format(p.ReceivedOn)}. Tra cứu: {links.Lookup}",
            links.Lookup), nowUtc, ct);

    public Task<int> QueueReplySentAsync(PhoChauDbContext db, Petition p, DateTime nowUtc, CancellationToken ct) =>
        QueueAsync(db, p, MessageKind.ReplySent, $"reply:{p.Id}", (commune, links) => (
            $"Kiến nghị {p.Code} đã có văn bản trả lời",
            $"Kiến nghị {p.Code} đã được {Committee(commune)} trả lời bằng văn bản ngày {(p.ReplySentOn is { } on ? VietnameseDates.Format(on) : "")}. Xem: {links.Lookup} . Đánh giá: {links.Rate}",
            links.Rate), nowUtc, ct);

    /// <summary>The results of a dialogue (and its cluster sessions) are published: each agreeing petitioner is told where.</summary>
    public async Task<int> QueueResultsPublishedAsync(PhoChauDbContext db, int dialogueId, DateTime nowUtc, CancellationToken ct)
    {
        var series = await ClusterService.SeriesAsync(db, dialogueId, ct);
        var petitions = await db.Petitions.AsNoTracking()
            .Where(p => series.Contains(p.DialogueId) && (p.NotifyBySms || p.NotifyByZalo || p.NotifyByEmail) && p.AnonymisedAtUtc == null)
            .ToListAsync(ct);
        var commune = await CommuneProfileService.ReadAsync(db, ct); // once for all of them
        var queued = 0;
        foreach (var p in petitions)
            queued += await QueueAsync(db, p, MessageKind.ResultsPublished, $"results:{dialogueId}:{p.Id}", (commune, links) => (
                "Kết quả đối thoại đã được công khai",
                $"{Committee(commune)} đã công khai kết quả đối thoại và trả lời kiến nghị {p.Code}: {links.Results}",
                links.Results), nowUtc, ct, commune);
        return queued;
    }

    /// <summary>The links of a petition's messages: lookup (code only; the PIN is on the receipt), rating, stop, results.</summary>
    public Links LinksOf(Petition p, CommuneProfile commune)
    {
        var root = options.CurrentValue.PublicUrl.TrimEnd('/');
        // On a province's server the commune's code says whose page it is (as the receipt's QR code does).
        var xa = commune.Code is { Length: > 0 } code ? "xa=" + Uri.EscapeDataString(code) : "";
        var only = xa.Length > 0 ? "?" + xa : "";
        return new Links(
            $"{root}/tra-cuu?ma={Uri.EscapeDataString(p.Code)}{(xa.Length > 0 ? "&" + xa : "")}",
            $"{root}/danh-gia/{p.Id}-{pins.LinkToken(CitizenLinks.Rate, p.Id)}{only}",
            $"{root}/tin-nhan/dung/{p.Id}-{pins.LinkToken(CitizenLinks.Stop, p.Id)}{only}",
            $"{root}/ket-qua{only}#{Uri.EscapeDataString(p.Code)}");
    }

    private async Task<int> QueueAsync(PhoChauDbContext db, Petition p, MessageKind kind, string key,
        Func<CommuneProfile, Links, (string Subject, string Text, string Link)> compose, DateTime nowUtc, CancellationToken ct, CommuneProfile? commune = null)
    {
        // Zalo only for the kinds the Official Account has an approved template for.
        var configured = delivery.Configured.Where(c => c != MessageChannel.Zalo || znsSender.HasTemplate(kind)).ToHashSet();
        if (!Outbox.Recipients(p).Any(r => configured.Contains(r.Channel))) return 0;
        commune ??= await CommuneProfileService.ReadAsync(db, ct);
        var links = LinksOf(p, commune);
        var (subject, text, link) = compose(commune, links);
        var body = $"{text}\nNgừng nhận tin: {links.Stop}";
        var zalo = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ma_kien_nghi"] = p.Code, ["ten_xa"] = commune.CommuneName, ["ngay"] = VietnameseDates.Format(DateOnly.FromDateTime(nowUtc.Add(VietnamTime.Offset))),
            ["lien_ket"] = link, ["ngung_nhan"] = links.Stop,
        });
        return await Outbox.TellPetitionerAsync(db, p, kind, key, new CitizenMessage(subject, body, zalo), configured, nowUtc, ct);
    }

    private static string Committee(CommuneProfile c) => c.CommitteeName.Length > 0 ? c.CommitteeName : "UBND " + c.CommuneName;


    public sealed record Links(string Lookup, string Rate, string Stop, string Results);
}
