namespace PhoChau.Core.Dialogues;

/// <summary>What the secretary fills in to set a dialogue up (plan sections II and 4.1).</summary>
public sealed class DialogueInput
{
    public string Title { get; set; } = "";
    public string PlanNumber { get; set; } = "";
    public DateOnly? PlanDate { get; set; }
    public int Year { get; set; }
    public int? Quarter { get; set; }
    public DateOnly? SessionDate { get; set; }
    public TimeOnly? StartTime { get; set; }
    public string Venue { get; set; } = "";
    public string ChairName { get; set; } = "";
    public bool ChairIsDelegated { get; set; }
    public string DelegationReference { get; set; } = "";
    public string SecretaryName { get; set; } = "";
    public int SpeakingTimeSeconds { get; set; } = 180;
    public string Agenda { get; set; } = DefaultAgenda.Text;
    public List<int> ParticipantIds { get; set; } = [];
    public string CoOrganiserName { get; set; } = "";
    public string CoOrganiserTitle { get; set; } = "";
    public string CoChairName { get; set; } = "";
    public string CoChairTitle { get; set; } = "";
    public DialogueForm Form { get; set; }
    public string OnlineLink { get; set; } = "";
    public DialogueReason Reason { get; set; }
    public DateOnly? VotersRequestDate { get; set; }
    public int? VotersRequestSignatures { get; set; }

    public static DialogueInput From(Dialogue d, IEnumerable<int> participants) => new()
    {
        Title = d.Title, PlanNumber = d.PlanNumber, PlanDate = d.PlanDate, Year = d.Year, Quarter = d.Quarter,
        SessionDate = d.SessionDate, StartTime = d.StartTime, Venue = d.Venue, ChairName = d.ChairName,
        ChairIsDelegated = d.ChairIsDelegated, DelegationReference = d.DelegationReference, SecretaryName = d.SecretaryName,
        SpeakingTimeSeconds = d.SpeakingTimeSeconds, Agenda = d.Agenda, ParticipantIds = participants.ToList(),
        CoOrganiserName = d.CoOrganiserName, CoOrganiserTitle = d.CoOrganiserTitle, CoChairName = d.CoChairName, CoChairTitle = d.CoChairTitle,
        Form = d.Form, OnlineLink = d.OnlineLink, Reason = d.Reason, VotersRequestDate = d.VotersRequestDate, VotersRequestSignatures = d.VotersRequestSignatures,
    };
}
