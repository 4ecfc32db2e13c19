using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Support;

/// <summary>
/// Test data stored as it would be in a given state (a record read back from the database), without walking the
/// workflow to it: the records' own setters are private (issue 34.2).
/// </summary>
public static class StoredStates
{
    public static Petition In(this Petition p, PetitionState state)
    {
        p.CopyStored(state);
        return p;
    }

    public static Dialogue In(this Dialogue d, DialogueState state)
    {
        d.CopyStored(state);
        return d;
    }
}
