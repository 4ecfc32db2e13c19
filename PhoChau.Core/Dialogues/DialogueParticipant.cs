namespace PhoChau.Core.Dialogues;

/// <summary>A department or body taking part in a dialogue (plan II.1).</summary>
public class DialogueParticipant : ICommuneOwned
{
    public int CommuneId { get; set; }

    public int DialogueId { get; set; }
    public int DepartmentId { get; set; }
}
