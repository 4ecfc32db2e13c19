using PhoChau.Core.Auditing;
using PhoChau.Core.Calendar;

namespace PhoChau.Core.Dialogues;

/// <summary>One of the plan's deadlines for a dialogue, counted in working days from the session date.</summary>
public class DialogueDeadline : IAudited, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int DialogueId { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public DeadlineDirection Direction { get; set; }
    public int WorkingDays { get; set; }
    /// <summary>Null while the session date is not fixed; recomputed whenever the date or the calendar changes.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>Set once the deadline's work is done; a met deadline is no longer recomputed.</summary>
    public DateOnly? MetOn { get; set; }
}
