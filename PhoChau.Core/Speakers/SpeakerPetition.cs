namespace PhoChau.Core.Speakers;

/// <summary>A petition a speaker raises at the session.</summary>
public class SpeakerPetition
{
    public int SpeakerId { get; set; }
    public int PetitionId { get; set; }
}
