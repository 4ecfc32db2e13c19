using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Architecture;

/// <summary>
/// Cycles between Core's feature folders (issue 34.3), held by a ratchet. The shared kernel every feature may use
/// (Common, Resources, Text, Persistence, Auditing, Security, Commune) is left out; between the features, an edge that
/// closes a cycle fails unless it is one of those below, which are the cycles still to break (through domain events),
/// and an edge of the list that no longer closes one must leave the list. So no new cycle lands, and the list only shrinks.
/// </summary>
public sealed class FeatureCyclesTests
{
    private static readonly HashSet<string> Kernel = ["Common", "Resources", "Text", "Persistence", "Auditing", "Security", "Commune"];

    /// <summary>The cycles Core still has: eight features that reach each other (Departments left it on 7 December).</summary>
    private static readonly SortedSet<string> StillToBreak =
    [
        "AfterSession -> Dialogues", "AfterSession -> Petitions", "AfterSession -> Reports", "AfterSession -> Speakers",
        "Citizens -> AfterSession", "Citizens -> Dialogues", "Citizens -> Petitions", "Citizens -> Reports", "Citizens -> Speakers",
        "Dialogues -> AfterSession", "Dialogues -> Citizens", "Dialogues -> Petitions", "Dialogues -> Reports", "Dialogues -> Speakers",
        "Messages -> Citizens", "Messages -> Dialogues", "Messages -> Petitions",
        "PersonalData -> Citizens", "PersonalData -> Messages", "PersonalData -> Petitions", "PersonalData -> Reports", "PersonalData -> Speakers",
        "Petitions -> Citizens", "Petitions -> Dialogues", "Petitions -> Messages", "Petitions -> PersonalData", "Petitions -> Reports",
        "Reports -> AfterSession", "Reports -> Citizens", "Reports -> Dialogues", "Reports -> Petitions", "Reports -> Speakers",
        "Speakers -> Dialogues", "Speakers -> PersonalData", "Speakers -> Petitions",
    ];

    [Fact]
    public void No_new_cycle_between_Cores_feature_folders_and_the_old_ones_leave_the_list_when_broken()
    {
        var graph = FeatureGraph.Of(typeof(Petition).Assembly, "PhoChau.Core")
            .Where(f => !Kernel.Contains(f.Key))
            .ToDictionary(f => f.Key, f => new SortedSet<string>(f.Value.Where(to => !Kernel.Contains(to))));
        var cyclic = new SortedSet<string>(FeatureGraph.Cycles(graph)
            .SelectMany(group => group.SelectMany(from => graph[from].Where(group.Contains).Select(to => $"{from} -> {to}"))));

        var added = cyclic.Except(StillToBreak).ToList();
        Assert.True(added.Count == 0, "New cycle between features (raise a domain event instead of calling the other feature): " + string.Join("; ", added));
        var broken = StillToBreak.Except(cyclic).ToList();
        Assert.True(broken.Count == 0, "No longer in a cycle, take them off StillToBreak: " + string.Join("; ", broken));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_and_nothing_else()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"], ["E"] = [],
        };

        var cycles = FeatureGraph.Cycles(graph);

        Assert.Equal(["A", "B", "C"], Assert.Single(cycles));
        graph["C"] = [];
        Assert.Empty(FeatureGraph.Cycles(graph));
    }

    [Fact]
    public void The_graph_sees_what_a_feature_uses()
    {
        var graph = FeatureGraph.Of(typeof(Petition).Assembly, "PhoChau.Core");
        // PetitionService queues the receipt's message; the calendar uses no other feature.
        Assert.Contains("Messages", graph["Petitions"]);
        Assert.DoesNotContain("Petitions", graph["Calendar"]);
    }
}
