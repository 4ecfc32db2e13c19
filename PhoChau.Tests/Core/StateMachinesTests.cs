using PhoChau.Core.AfterSession;
using System.Text.RegularExpressions;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core;

/// <summary>Petitions, dialogues, registrants and the notice change state only through their machine's Move (issue 20.1).</summary>
public sealed partial class StateMachinesTests
{
    /// <summary>
    /// The machines themselves, and files whose "State"/"Status" is something else: a pending hall batch, a data request,
    /// a phone request (pending, then accepted or rejected once, under the request's own lock).
    /// </summary>
    private static readonly string[] Allowed =
        ["PetitionStateMachine.cs", "DialogueStateMachine.cs", "SpeakerStateMachine.cs", "NoticeStateMachine.cs", "IssuedStateMachine.cs", "MessageStateMachine.cs", "HallNotifier.cs", "DataRequestService.cs", "SpeakerRequestService.cs"];

    [Fact]
    public void No_state_is_assigned_outside_its_state_machine()
    {
        var core = Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Core");
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/") && !Allowed.Contains(Path.GetFileName(f)))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(x => Assignment().IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Each_machine_refuses_what_its_table_does_not_allow_and_sets_what_it_does()
    {
        var petition = new Petition { State = PetitionState.Closed };
        Assert.Throws<PhoChau.Core.Common.DomainException>(() => PetitionStateMachine.Move(petition, PetitionState.Assigned));
        Assert.Equal(PetitionState.Closed, petition.State);
        petition = new Petition { State = PetitionState.Received };
        PetitionStateMachine.Move(petition, PetitionState.Assigned);
        Assert.Equal(PetitionState.Assigned, petition.State);

        var dialogue = new Dialogue { State = DialogueState.Draft };
        Assert.Throws<PhoChau.Core.Common.DomainException>(() => DialogueStateMachine.Move(dialogue, DialogueState.Concluded));
        DialogueStateMachine.Move(dialogue, DialogueState.Announced);
        Assert.Equal(DialogueState.Announced, dialogue.State);

        var speaker = new Speaker { Name = "Lê Văn Cường", Status = SpeakerStatus.Done };
        var refused = Assert.Throws<PhoChau.Core.Common.DomainException>(() => SpeakerStateMachine.Move(speaker, SpeakerStatus.Waiting));
        Assert.Contains("Lê Văn Cường", refused.Message);
        speaker = new Speaker { Status = SpeakerStatus.Waiting };
        SpeakerStateMachine.StartTurn(speaker, new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc));
        SpeakerStateMachine.EndTurns([speaker], new DateTime(2026, 3, 2, 2, 5, 0, DateTimeKind.Utc));
        Assert.Equal((SpeakerStatus.Done, TimeSpan.FromMinutes(5)), (speaker.Status, speaker.EndedAtUtc!.Value - speaker.StartedAtUtc!.Value));

        var issued = new PhoChau.Core.Reports.Issuing.IssuedDocument { State = PhoChau.Core.Reports.Issuing.IssuedState.Sealed };
        Assert.Throws<PhoChau.Core.Common.DomainException>(() => PhoChau.Core.Reports.Issuing.IssuedStateMachine.Move(issued, PhoChau.Core.Reports.Issuing.IssuedState.Signed));
        issued = new PhoChau.Core.Reports.Issuing.IssuedDocument { State = PhoChau.Core.Reports.Issuing.IssuedState.Signed, SupersededAtUtc = DateTime.UtcNow };
        Assert.Throws<PhoChau.Core.Common.DomainException>(() => PhoChau.Core.Reports.Issuing.IssuedStateMachine.Move(issued, PhoChau.Core.Reports.Issuing.IssuedState.Sealed));

        var notice = new ConclusionNotice { State = NoticeState.Issued };
        Assert.Throws<PhoChau.Core.Common.DomainException>(() => NoticeStateMachine.Move(notice, NoticeState.Draft));
        notice = new ConclusionNotice { State = NoticeState.Draft };
        NoticeStateMachine.Move(notice, NoticeState.Approved);
        NoticeStateMachine.Move(notice, NoticeState.Issued);
        Assert.Equal(NoticeState.Issued, notice.State);

        var message = new PhoChau.Core.Messages.OutboxMessage();
        PhoChau.Core.Messages.MessageStateMachine.Move(message, PhoChau.Core.Messages.MessageState.Sent);
        Assert.Throws<PhoChau.Core.Common.DomainException>(() => PhoChau.Core.Messages.MessageStateMachine.Move(message, PhoChau.Core.Messages.MessageState.Waiting)); // never sent twice
        message = new PhoChau.Core.Messages.OutboxMessage();
        PhoChau.Core.Messages.MessageStateMachine.Move(message, PhoChau.Core.Messages.MessageState.Failed);
        PhoChau.Core.Messages.MessageStateMachine.Move(message, PhoChau.Core.Messages.MessageState.Waiting); // sent again
        Assert.Equal(PhoChau.Core.Messages.MessageState.Waiting, message.State);
    }

    /// <summary>"x.State = …" or "x.Status = …" (not "==", not "=>").</summary>
    [GeneratedRegex(@"\b\w+\.(State|Status)\s*=(?![=>])")]
    private static partial Regex Assignment();
}
