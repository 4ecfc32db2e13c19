namespace PhoChau.Core.Speakers;

/// <summary>
/// The one place listing a registrant's allowed moves: waiting → speaking → done; waiting ⇄ absent or withdrawn (the
/// secretary marks and unmarks them); speaking → absent for one called from afar who does not answer. A refused move
/// names the person.
/// </summary>
public static class SpeakerStateMachine
{
    private static readonly Dictionary<SpeakerStatus, SpeakerStatus[]> Allowed = new()
    {
        [SpeakerStatus.Waiting] = [SpeakerStatus.Speaking, SpeakerStatus.Absent, SpeakerStatus.Withdrawn],
        [SpeakerStatus.Speaking] = [SpeakerStatus.Done, SpeakerStatus.Absent],
        [SpeakerStatus.Absent] = [SpeakerStatus.Waiting],
        [SpeakerStatus.Withdrawn] = [SpeakerStatus.Waiting],
        [SpeakerStatus.Done] = [],
    };

    public static bool CanMove(SpeakerStatus from, SpeakerStatus to) => Allowed[from].Contains(to);

    /// <summary>The status in the user's language (the names the audit trail uses too: CoreText "Audit.Value.SpeakerStatus.*").</summary>
    public static string StatusName(SpeakerStatus s) => CoreText.Get("Audit.Value.SpeakerStatus." + s);

    /// <summary>The status as Vietnamese documents and reports write it, whatever the user's language.</summary>
    public static string DocumentStatusName(SpeakerStatus s) => CoreText.Format(CoreText.Vietnamese, "Audit.Value.SpeakerStatus." + s);

    /// <summary>Calls a waiting registrant: their turn starts now.</summary>
    public static void StartTurn(Speaker speaker, DateTime nowUtc)
    {
        speaker.MoveTo(SpeakerStatus.Speaking);
        speaker.StartedAtUtc = nowUtc;
    }

    /// <summary>Ends whoever is speaking (calling the next one, ending the turn, concluding the session all do it).</summary>
    public static void EndTurns(IEnumerable<Speaker> speakers, DateTime nowUtc)
    {
        foreach (var s in speakers.Where(s => s.Status == SpeakerStatus.Speaking))
        {
            s.MoveTo(SpeakerStatus.Done);
            s.EndedAtUtc = nowUtc;
        }
    }
}
