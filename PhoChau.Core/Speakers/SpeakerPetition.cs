namespace PhoChau.Core.Speakers;

/// <summary>A petition a speaker raises at the session.</summary>
public class SpeakerPetition : ICommuneOwned
{
    public int CommuneId { get; set; }

    public int SpeakerId { get; set; }
    public int PetitionId { get; set; }
}
