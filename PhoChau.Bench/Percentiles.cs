namespace PhoChau.Bench;

/// <summary>The benchmarks' one percentile: nearest rank over the values measured.</summary>
public static class Percentiles
{
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
