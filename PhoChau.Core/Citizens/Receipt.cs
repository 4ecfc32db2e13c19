namespace PhoChau.Core.Citizens;

/// <summary>
/// What a phiếu tiếp nhận shows: the commune, the petition's code, the day it was received, when an answer is due
/// (and the working days of the rule), and the PIN that opens the public lookup with the code. Nothing else of the petition.
/// </summary>
public sealed record Receipt(
    int PetitionId, string CommitteeName, string CommuneName, string PlaceName, string DialogueTitle, string Code,
    DateOnly ReceivedOn, DateOnly? AnswerDue, string DeadlineRule, string Pin, DateTime IssuedAtUtc);
