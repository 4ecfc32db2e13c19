namespace PhoChau.Core.Speakers;

/// <summary>A registration at the hall: who, from where, on what, and the petitions raised (existing or a new one).</summary>
public sealed class SpeakerInput
{
    public string Name { get; set; } = "";
    public string VillageOrOrganisation { get; set; } = "";
    public string Topic { get; set; } = "";
    public List<int> PetitionIds { get; set; } = [];
    /// <summary>Text of a petition raised on the spot: recorded with channel "at the session".</summary>
    public string? NewPetitionText { get; set; }
    /// <summary>The speaker agreed to be named on the public live page (else "Người phát biểu số 5 — thôn Vĩnh Tuy").</summary>
    public bool NamedPublicly { get; set; }
    /// <summary>Not in the hall: follows online and is heard from afar when called (the consoles mark them).</summary>
    public bool Remote { get; set; }
}
