namespace PhoChau.Bench;

/// <summary>One benchmark: `dotnet run -c Release --project PhoChau.Bench -- {Name}` runs it and prints its figures.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
