namespace PhoChau.Core.PersonalData;

/// <summary>What the clerk records of a citizen's request: who asks (by name with a phone number, or by ID number) and what for.</summary>
public sealed class DataRequestInput
{
    public DataRequestKind Kind { get; set; }
    public string RequesterName { get; set; } = "";
    public string? Phone { get; set; }
    public string? IdCardNumber { get; set; }
    public string? Details { get; set; }
    public DateOnly ReceivedOn { get; set; }
}
