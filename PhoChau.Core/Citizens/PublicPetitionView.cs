namespace PhoChau.Core.Citizens;

/// <summary>
/// A petition as the public lookup shows it to whoever holds its code and PIN: where it stands in plain words, who
/// handles it, when, and the approved answer or the reply sent. Never a name, a phone, an address, an ID number, an
/// internal comment or a draft.
/// </summary>
public sealed record PublicPetitionView(
    string Code, DateOnly ReceivedOn, string Field, string Status, string? Department, DateOnly? Deadline,
    string? Answer, string? Reply, DateOnly? ReplySentOn, bool CanRate, Satisfaction? Rating);
