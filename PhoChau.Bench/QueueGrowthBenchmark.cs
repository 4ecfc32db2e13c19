namespace PhoChau.Bench;

/// <summary>
/// Issue 21: does a queue action cost more in a long session? The same two operators (queue-actions) in sessions of 50
/// and of 500 waiting speakers, in one run; the cost per action is the time per action at full speed (1 / rate).
/// Target: at 500 within 1.3× of the cost at 50.
/// </summary>
public sealed class QueueGrowthBenchmark : IBenchmark
{
    public string Name => "queue-growth";
    public string Description => "queue actions over /hubs/hall in sessions of 50 and of 500 waiting speakers: cost per action at 500 against 50";

    public async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0]) : 10;
        var perOperator = args.Length > 1 ? int.Parse(args[1]) : 25;
        var small = await QueueActionsBenchmark.MeasureAsync(50, rounds, perOperator, warmUp: 6);
        var large = await QueueActionsBenchmark.MeasureAsync(500, rounds, perOperator, warmUp: 3);
        Console.WriteLine($"{"waiting",8} {"actions/s",10} {"ms/action",10} {"p50 ms",8} {"p95 ms",8} {"lost",5} {"dup",5}");
        foreach (var r in new[] { small, large })
            Console.WriteLine($"{r.Waiting,8} {r.Rate,10:F0} {r.MsPerAction,10:F2} {r.P50,8:F1} {r.P95,8:F1} {r.Lost,5} {r.Duplicated,5}");
        var ratio = large.MsPerAction / small.MsPerAction;
        Console.WriteLine($"queue-growth: cost per action at 500 = {ratio:F2}× at 50 (p95 {large.P95 / small.P95:F2}×), {small.Lost + large.Lost} lost (target ≤ 1.3×, 0 lost)");
    }
}
