using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Architecture;

/// <summary>
/// No cycle between Core's feature folders (issue 34.3). The shared kernel every feature may use (Common, Resources,
/// Text, Persistence with the one context, Auditing, Security, Commune) is left out. The features stand in layers:
/// Documents and Choices at the bottom; Dialogues; Petitions; Speakers and Messages; Records; AfterSession; Citizens;
/// PersonalData; Reports, Overview and Demo at the top. A feature below learns of a change above it through a domain
/// event, never by calling it.
/// </summary>
public sealed class FeatureCyclesTests
{
    private static readonly HashSet<string> Kernel = ["Common", "Resources", "Text", "Persistence", "Auditing", "Security", "Commune"];

    [Fact]
    public void No_cycle_between_Cores_feature_folders()
    {
        var graph = FeatureGraph.Of(typeof(Petition).Assembly, "PhoChau.Core")
            .Where(f => !Kernel.Contains(f.Key))
            .ToDictionary(f => f.Key, f => new SortedSet<string>(f.Value.Where(to => !Kernel.Contains(to))));

        var cycles = FeatureGraph.Cycles(graph)
            .Select(group => string.Join("; ", group.SelectMany(from => graph[from].Where(group.Contains).Select(to => $"{from} -> {to}"))))
            .ToList();

        Assert.True(cycles.Count == 0, "Features that reach each other (raise a domain event instead of calling the feature above): " + string.Join(" | ", cycles));
        Assert.True(graph.Count >= 15, "the graph must see Core's features: " + string.Join(", ", graph.Keys));
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
        // Messages tell the petitioner of their petition; the calendar uses no other feature.
        Assert.Contains("Petitions", graph["Messages"]);
        Assert.DoesNotContain("Petitions", graph["Calendar"]);
    }
}
