using PhoChau.Core.Dialogues;

namespace PhoChau.Tests.Support;

/// <summary>A dialogue by two village clusters of two villages each, as the cluster tests and the hall's screens need it.</summary>
public static class ClusterData
{
    public sealed record Arranged(Dialogue Dialogue, int First, int Second, int[] Villages);

    /// <param name="sameTime">Both clusters on Monday 2/3/2026 at 8:00, each in its own hall; else the second on Tuesday at 14:00 in the dialogue's hall.</param>
    public static async Task<Arranged> ArrangeAsync(CoreTestHost host, bool sameTime = false)
    {
        var villages = new[]
        {
            (await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy")).Id, (await WorkflowData.VillageAsync(host, "Thôn Châu Me")).Id,
            (await WorkflowData.VillageAsync(host, "Thôn Tân Hy")).Id, (await WorkflowData.VillageAsync(host, "Thôn Trung Thành")).Id,
        };
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 3, 3));
        var clusters = host.Get<ClusterService>();
        var first = await clusters.AddAsync(CoreTestHost.Secretary, d.Id, new ClusterInput
        {
            Name = "Cụm 1", VillageIds = [villages[0], villages[1]], SessionDate = new DateOnly(2026, 3, 2), StartTime = new TimeOnly(8, 0), Venue = "Nhà văn hóa thôn Vĩnh Tuy",
        });
        var second = await clusters.AddAsync(CoreTestHost.Secretary, d.Id, sameTime
            ? new ClusterInput { Name = "Cụm 2", VillageIds = [villages[2], villages[3]], SessionDate = new DateOnly(2026, 3, 2), StartTime = new TimeOnly(8, 0), Venue = "Nhà văn hóa thôn Tân Hy" }
            : new ClusterInput { Name = "Cụm 2", VillageIds = [villages[2], villages[3]], SessionDate = new DateOnly(2026, 3, 3), StartTime = new TimeOnly(14, 0) }); // the dialogue's venue
        return new Arranged(d, first, second, villages);
    }
}
