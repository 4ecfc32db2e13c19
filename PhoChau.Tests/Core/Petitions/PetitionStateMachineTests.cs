using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Petitions;

public sealed class PetitionStateMachineTests
{
    private static readonly (PetitionState From, PetitionState To)[] AllowedMoves =
    [
        (PetitionState.Received, PetitionState.Assigned), (PetitionState.Received, PetitionState.Withdrawn), (PetitionState.Received, PetitionState.Merged),
        (PetitionState.Assigned, PetitionState.Assigned), (PetitionState.Assigned, PetitionState.AnswerDrafted),
        (PetitionState.Assigned, PetitionState.SettledAtSession), (PetitionState.Assigned, PetitionState.NotSettled),
        (PetitionState.Assigned, PetitionState.Withdrawn), (PetitionState.Assigned, PetitionState.Merged),
        (PetitionState.AnswerDrafted, PetitionState.AnswerApproved), (PetitionState.AnswerDrafted, PetitionState.Assigned),
        (PetitionState.AnswerDrafted, PetitionState.SettledAtSession), (PetitionState.AnswerDrafted, PetitionState.NotSettled),
        (PetitionState.AnswerDrafted, PetitionState.Withdrawn), (PetitionState.AnswerDrafted, PetitionState.Merged),
        (PetitionState.AnswerApproved, PetitionState.SettledAtSession), (PetitionState.AnswerApproved, PetitionState.NotSettled),
        (PetitionState.AnswerApproved, PetitionState.Assigned), (PetitionState.AnswerApproved, PetitionState.Withdrawn), (PetitionState.AnswerApproved, PetitionState.Merged),
        (PetitionState.SettledAtSession, PetitionState.Closed),
        (PetitionState.NotSettled, PetitionState.ReplySent), (PetitionState.NotSettled, PetitionState.Withdrawn),
        (PetitionState.ReplySent, PetitionState.Closed),
    ];

    public static TheoryData<PetitionState, PetitionState> EveryPair()
    {
        var data = new TheoryData<PetitionState, PetitionState>();
        foreach (var from in Enum.GetValues<PetitionState>())
            foreach (var to in Enum.GetValues<PetitionState>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_transition_is_allowed_or_refused_exactly_as_the_workflow_says(PetitionState from, PetitionState to)
    {
        var allowed = AllowedMoves.Contains((from, to));
        Assert.Equal(allowed, PetitionStateMachine.CanMove(from, to));
        if (allowed)
            PetitionStateMachine.EnsureCanMove(from, to);
        else
        {
            var ex = Assert.Throws<DomainException>(() => PetitionStateMachine.EnsureCanMove(from, to));
            Assert.Contains("Không thể chuyển kiến nghị", ex.Message);
            Assert.Contains(PetitionStateMachine.StateName(from), ex.Message);
        }
    }

    [Fact]
    public void Closed_withdrawn_and_merged_petitions_are_finished()
    {
        Assert.All(new[] { PetitionState.Closed, PetitionState.Withdrawn, PetitionState.Merged }, s =>
        {
            Assert.True(PetitionStateMachine.IsFinished(s));
            Assert.Empty(PetitionStateMachine.NextStates(s));
        });
    }
}
