using PhoChau.Core.Auditing;

namespace PhoChau.Core.Calendar;

/// <summary>
/// An administrator's correction of a year's schedule (a day off or a make-up working day), with the
/// announcing notice as its reason. Revoked, never deleted.
/// </summary>
public class CalendarCorrection : IAudited, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Reason { get; set; } = "";
    public bool IsRevoked { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";

    public CalendarAdjustment ToAdjustment() => new(Date, Kind, Name, Reason);
}
