namespace PhoChau.Core.Petitions;

/// <summary>A supporting department of a petition (the lead one is on the petition itself).</summary>
public class PetitionSupport : ICommuneOwned
{
    public int CommuneId { get; set; }

    public int PetitionId { get; set; }
    public int DepartmentId { get; set; }
}
