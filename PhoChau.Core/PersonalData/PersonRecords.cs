using PhoChau.Core.Citizens;

namespace PhoChau.Core.PersonalData;

/// <summary>Every record the commune holds of one person: what a request to see, correct or erase their data covers.</summary>
public sealed record PersonRecords(
    IReadOnlyList<PersonPetition> Petitions, IReadOnlyList<PersonSpeaker> Speakers,
    IReadOnlyList<PersonSpeakerRequest> SpeakerRequests, IReadOnlyList<PersonRating> Ratings)
{
    public int Count => Petitions.Count + Speakers.Count + SpeakerRequests.Count + Ratings.Count;
}

public sealed record PersonPetition(int Id, string Code, int DialogueId, string Name, string? Phone, string? Address, string? IdCardNumber,
    DateOnly ReceivedOn, string Text, DateTime? ConsentAtUtc, string? ConsentBy, int Scans, string? Email = null);

public sealed record PersonSpeaker(int Id, int DialogueId, string Name, string VillageOrOrganisation, string Topic, DateTime RegisteredAtUtc);

public sealed record PersonSpeakerRequest(int Id, int DialogueId, string Name, string VillageOrOrganisation, string Topic, string? Phone,
    DateTime CreatedAtUtc, DateTime? ConsentAtUtc, string? Email = null);

public sealed record PersonRating(int Id, int PetitionId, Satisfaction Rating, string? Comment, DateTime CreatedAtUtc);

/// <summary>Corrected values: a null field stays as it is.</summary>
public sealed class PersonalCorrection
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? IdCardNumber { get; set; }
}
