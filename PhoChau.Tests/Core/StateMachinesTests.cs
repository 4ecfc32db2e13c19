using PhoChau.Core.AfterSession;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Messages;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core;

/// <summary>
/// Each aggregate changes state only through its own methods, which consult its machine's table (issues 20.1, 34.2):
/// the compiler keeps the state from being set anywhere else.
/// </summary>
public sealed class StateMachinesTests
{
    public static TheoryData<Type, string> Aggregates() => new()
    {
        { typeof(Petition), nameof(Petition.State) }, { typeof(Dialogue), nameof(Dialogue.State) }, { typeof(Speaker), nameof(Speaker.Status) },
        { typeof(IssuedDocument), nameof(IssuedDocument.State) }, { typeof(ConclusionNotice), nameof(ConclusionNotice.State) },
        { typeof(OutboxMessage), nameof(OutboxMessage.State) }, { typeof(DataRequest), nameof(DataRequest.Status) },
        { typeof(SpeakerRequest), nameof(SpeakerRequest.Status) },
    };

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void The_state_has_no_setter_outside_its_record(Type aggregate, string property)
    {
        var setter = aggregate.GetProperty(property)!.SetMethod;
        Assert.NotNull(setter); // EF Core sets it when it reads a row
        Assert.True(setter.IsPrivate, $"{aggregate.Name}.{property} can be set from outside {aggregate.Name}");
    }

    [Fact]
    public void Each_machine_refuses_what_its_table_does_not_allow_and_sets_what_it_does()
    {
        var petition = new Petition();
        petition.CopyStored(PetitionState.Closed);
        Assert.Throws<DomainException>(() => petition.MoveTo(PetitionState.Assigned));
        Assert.Equal(PetitionState.Closed, petition.State);
        petition = new Petition();
        Assert.Equal(PetitionState.Received, petition.State); // a new petition is received
        petition.MoveTo(PetitionState.Assigned);
        Assert.Equal(PetitionState.Assigned, petition.State);

        var dialogue = new Dialogue();
        Assert.Throws<DomainException>(() => dialogue.MoveTo(DialogueState.Concluded));
        dialogue.MoveTo(DialogueState.Announced);
        Assert.Equal(DialogueState.Announced, dialogue.State);

        var speaker = new Speaker { Name = "Lê Văn Cường" };
        speaker.CopyStored(SpeakerStatus.Done);
        var refused = Assert.Throws<DomainException>(() => speaker.MoveTo(SpeakerStatus.Waiting));
        Assert.Contains("Lê Văn Cường", refused.Message);
        speaker = new Speaker();
        SpeakerStateMachine.StartTurn(speaker, new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc));
        SpeakerStateMachine.EndTurns([speaker], new DateTime(2026, 3, 2, 2, 5, 0, DateTimeKind.Utc));
        Assert.Equal((SpeakerStatus.Done, TimeSpan.FromMinutes(5)), (speaker.Status, speaker.EndedAtUtc!.Value - speaker.StartedAtUtc!.Value));

        var issued = new IssuedDocument();
        issued.MoveTo(IssuedState.Sealed);
        Assert.Throws<DomainException>(() => issued.MoveTo(IssuedState.Signed));
        issued = new IssuedDocument { SupersededAtUtc = DateTime.UtcNow };
        Assert.Throws<DomainException>(() => issued.MoveTo(IssuedState.Signed));

        var notice = new ConclusionNotice();
        notice.MoveTo(NoticeState.Approved);
        notice.MoveTo(NoticeState.Issued);
        Assert.Equal(NoticeState.Issued, notice.State);
        Assert.Throws<DomainException>(() => notice.MoveTo(NoticeState.Draft));

        var message = new OutboxMessage();
        message.MoveTo(MessageState.Sent);
        Assert.Throws<DomainException>(() => message.MoveTo(MessageState.Waiting)); // never sent twice
        message = new OutboxMessage();
        message.MoveTo(MessageState.Failed);
        message.MoveTo(MessageState.Waiting); // sent again
        Assert.Equal(MessageState.Waiting, message.State);

        var request = new DataRequest();
        request.Close("thuky", DateTime.UtcNow, "Đã cung cấp.");
        Assert.Throws<DomainException>(() => request.Close("thuky", DateTime.UtcNow, "Lần nữa."));

        var phone = new SpeakerRequest();
        phone.Decide(SpeakerRequestStatus.Accepted, "thuky", DateTime.UtcNow, 5);
        Assert.Throws<DomainException>(() => phone.Decide(SpeakerRequestStatus.Rejected, "thuky", DateTime.UtcNow, null));
    }
}
