namespace PhoChau.Core.Petitions;

public enum PetitionState
{
    Received, Assigned, AnswerDrafted, AnswerApproved,
    SettledAtSession, NotSettled, ReplySent, Closed,
    Withdrawn, Merged,
}
