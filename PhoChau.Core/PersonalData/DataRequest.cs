using PhoChau.Core.Auditing;

namespace PhoChau.Core.PersonalData;

/// <summary>
/// A citizen's request about their own data (Law 91/2025/QH15): to see it (a copy handed over), to correct it, or to
/// erase it (withdrawing consent). Registered with its legal deadline on the working-day calendar and closed with what
/// was done; once an erasure is done, the request keeps only what proves it was handled (kind, dates, counts).
/// </summary>
public class DataRequest : IAudited, IVersioned, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public DataRequestKind Kind { get; set; }
    public string RequesterName { get; set; } = "";
    public string? Phone { get; set; }
    public string? IdCardNumber { get; set; }
    public string? Details { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>The legal deadline: <see cref="PersonalDataOptions.RequestWorkingDays"/> working days after it was received.</summary>
    public DateOnly DueOn { get; set; }
    public DataRequestStatus Status { get; private set; }

    /// <summary>The request is answered: done, by whom, when and with what outcome (once: a done request stays done).</summary>
    public void Close(string handledBy, DateTime nowUtc, string outcome)
    {
        if (Status != DataRequestStatus.Open) throw new DomainException(CoreText.Get("DataRequests.AlreadyDone"));
        Status = DataRequestStatus.Done;
        HandledAtUtc = nowUtc;
        HandledBy = handledBy;
        Outcome = outcome;
    }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? HandledAtUtc { get; set; }
    public string? HandledBy { get; set; }
    /// <summary>What was done, in counts only (never the data itself).</summary>
    public string? Outcome { get; set; }
    public int Version { get; set; }
}

public enum DataRequestKind { See, Correct, Erase }

public enum DataRequestStatus { Open, Done }
