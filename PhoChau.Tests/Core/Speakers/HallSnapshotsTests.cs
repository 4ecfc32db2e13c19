using PhoChau.Core.Dialogues;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Speakers;

/// <summary>Issue 21 (soak): the in-memory queues are bounded; a province's year of sessions does not pile up in memory.</summary>
public sealed class HallSnapshotsTests
{
    private static HallSnapshot Of(int dialogueId, int version) =>
        new(new Dialogue { Id = dialogueId, Version = version, Title = $"Buổi {dialogueId}", Agenda = "" }, [], Array.Empty<(int, int)>().ToLookup(l => l.Item1, l => l.Item2));

    [Fact]
    public void At_most_the_capacity_is_kept_and_the_session_in_use_stays()
    {
        var snapshots = new HallSnapshots();
        snapshots.Set(Of(1, 3)); // the hall's session, read on every action
        for (var id = 2; id <= HallSnapshots.Capacity * 3; id++)
        {
            snapshots.Set(Of(id, 1));
            Assert.NotNull(snapshots.Get(1, 3));
        }
        Assert.Equal(HallSnapshots.Capacity, snapshots.Count);
        Assert.NotNull(snapshots.Get(1, 3));
        Assert.Null(snapshots.Get(2, 1)); // long unused: read again from the database when asked
        Assert.NotNull(snapshots.Get(HallSnapshots.Capacity * 3, 1));
    }

    [Fact]
    public void An_older_version_never_replaces_a_newer_one()
    {
        var snapshots = new HallSnapshots();
        snapshots.Set(Of(1, 5));
        snapshots.Set(Of(1, 4));
        Assert.Null(snapshots.Get(1, 4));
        Assert.NotNull(snapshots.Get(1, 5));
    }
}
