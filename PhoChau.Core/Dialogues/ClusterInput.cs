namespace PhoChau.Core.Dialogues;

/// <summary>One cluster session of a dialogue: its name, its villages, and when and where it meets.</summary>
public sealed class ClusterInput
{
    public string Name { get; set; } = "";
    public List<int> VillageIds { get; set; } = [];
    public DateOnly? SessionDate { get; set; }
    public TimeOnly? StartTime { get; set; }
    /// <summary>Empty: the dialogue's own venue.</summary>
    public string Venue { get; set; } = "";
}
