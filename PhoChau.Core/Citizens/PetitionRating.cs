using PhoChau.Core.Auditing;

namespace PhoChau.Core.Citizens;

/// <summary>How satisfied the petitioner was with the written reply: once a petition, by the citizen or recorded by staff.</summary>
public class PetitionRating : IAudited, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int PetitionId { get; set; }
    public Satisfaction Rating { get; set; }
    public string? Comment { get; set; }
    public RatingSource Source { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public enum Satisfaction { Satisfied, Neutral, Unsatisfied }

/// <summary>On the lookup page by the citizen, or by the secretary from a call or a visit.</summary>
public enum RatingSource { Citizen, Staff }
