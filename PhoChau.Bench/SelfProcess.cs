namespace PhoChau.Bench;

/// <summary>The benchmark runner started again as another process (results-day's citizens, live-viewers' viewers).</summary>
internal static class SelfProcess
{
    /// <summary>This runner with other arguments; under <c>nice -n 19</c> when <paramref name="nice"/>.</summary>
    public static ProcessStartInfo Start(string[] args, bool nice = false)
    {
        var self = Environment.ProcessPath!;
        nice &= !OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(nice ? "nice" : self) { UseShellExecute = false };
        if (nice) foreach (var a in new[] { "-n", "19", self }) start.ArgumentList.Add(a);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }
}
