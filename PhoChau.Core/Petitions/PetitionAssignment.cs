using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Petitions;

/// <summary>When in its dialogue's life a petition is given its department (the rule differs; the method is one).</summary>
public enum AssignmentPhase
{
    /// <summary>Before the session: while the answers' deadline has not passed for a petition never assigned.</summary>
    BeforeSession,
    /// <summary>In the hall: the chair gives it, whatever the deadline; an answer being prepared keeps its state.</summary>
    InSession,
    /// <summary>After the session: a petition not settled there is answered in writing by the replies' deadline.</summary>
    AfterSession,
}

/// <summary>What assigning needs of a petition's dialogue: its phase and its answers' and replies' deadlines.</summary>
public sealed record AssignmentTerms(AssignmentPhase Phase, DateOnly? AnswersDue, DateOnly? RepliesDue)
{
    public static AssignmentPhase PhaseOf(DialogueState state) => state switch
    {
        DialogueState.InSession => AssignmentPhase.InSession,
        DialogueState.Concluded or DialogueState.Closed => AssignmentPhase.AfterSession,
        _ => AssignmentPhase.BeforeSession,
    };
}

public partial class Petition
{
    /// <summary>
    /// The one rule for giving a petition its lead department (issue 34.2: the petition page's and the chair's console's
    /// were two, with different checks): an active department, not a participating body; before the session not once the
    /// answers' deadline has passed for a petition never assigned; in the hall at any time, keeping an answer in progress;
    /// after the session it is answered in writing by the replies' deadline (issue 33.1). A petition concluded at the
    /// session or finished is not given another.
    /// </summary>
    public void AssignTo(Department lead, AssignmentTerms terms, DateTime nowUtc, DateOnly today)
    {
        if (!lead.IsActive) throw new DomainException(CoreText.Format("Petitions.LeadInactive", lead.Name));
        if (lead.Kind != UnitKind.Department) throw new DomainException(CoreText.Format("Petitions.LeadIsBody", lead.Name));
        if (State is PetitionState.SettledAtSession or PetitionState.NotSettled or PetitionState.ReplySent || PetitionStateMachine.IsFinished(State))
            throw new DomainException(State is PetitionState.SettledAtSession or PetitionState.NotSettled
                ? CoreText.Format("Outcomes.AlreadyConcluded", Code)
                : PetitionStateMachine.Refusal(State, PetitionState.Assigned) ?? CoreText.Format("Outcomes.AlreadyConcluded", Code));
        switch (terms.Phase)
        {
            case AssignmentPhase.InSession:
                if (State == PetitionState.Received) MoveTo(PetitionState.Assigned);
                LeadDepartmentId = lead.Id;
                AssignedAtUtc ??= nowUtc;
                return;
            case AssignmentPhase.BeforeSession when State == PetitionState.Received && terms.AnswersDue is { } due && due < today:
                throw new DomainException(CoreText.Format("Petitions.AnswerDeadlinePassed", due));
        }
        MoveTo(PetitionState.Assigned);
        LeadDepartmentId = lead.Id;
        AssignedAtUtc = nowUtc;
        AnswerDueDate = terms.AnswersDue;
        if (terms.Phase != AssignmentPhase.AfterSession) return;
        MoveTo(PetitionState.NotSettled);
        ReplyDueDate = terms.RepliesDue;
        SessionOutcomeAtUtc = nowUtc;
    }
}
