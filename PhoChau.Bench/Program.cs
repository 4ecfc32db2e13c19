using PhoChau.Bench;

// Speed and memory figures live here, never in timed unit tests (README: "Benchmarks").
if (args is ["results-day-citizens", ..]) return await ResultsDayBenchmark.CitizensMainAsync(args[1..]); // results-day's other process
if (args is ["live-viewers-client", ..]) return await LiveViewersBenchmark.ViewersMainAsync(args[1..]); // live-viewers' other process
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

if (args.Length == 0 || benchmarks.All(b => !string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase) && args[0] != "all"))
{
    Console.WriteLine("usage: dotnet run -c Release --project PhoChau.Bench -- <name|all> [options]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-22} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}

foreach (var b in benchmarks.Where(b => args[0] == "all" || string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase)))
{
    Console.WriteLine($"== {b.Name}: {b.Description}");
    await b.RunAsync(args.Skip(1).ToArray());
}
return 0;
