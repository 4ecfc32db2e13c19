using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PhoChau.Tests.Support;

/// <summary>
/// The built portal started as a separate process, the way a service manager starts it: another working
/// directory, settings only from the environment. Catches hosting defects an in-process test cannot see.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The repository's root (the folder of PhoChau.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhoChau.sln"))) return dir.FullName;
        throw new InvalidOperationException("PhoChau.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>PhoChau.Portal.dll as built with the tests (same configuration).</summary>
    public static string PortalDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/{Configuration}/net10.0
        return Path.Combine(RepositoryRoot(), "PhoChau.Portal", "bin", configuration, "net10.0", "PhoChau.Portal.dll");
    }

    public static PortalProcess Start(IDictionary<string, string> environment, string? executable = null, string workingDirectory = "/", params string[] args)
    {
        var info = new ProcessStartInfo(executable ?? "dotnet")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (executable is null) info.ArgumentList.Add(PortalDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        // A clean environment for the portal's own keys: what the test gives, nothing inherited that chooses for it.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_") || k.StartsWith("DOTNET_URLS") || k.StartsWith("Data__")).ToList())
            info.Environment.Remove(key);
        info.Environment["Backup__Daily"] = "false";
        info.Environment["Seed__AdminPassword"] = PortalFactory.AdminPassword;
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return new PortalProcess(Process.Start(info)!);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until /healthz answers 200 at <paramref name="baseUrl"/>, or the process ends.</summary>
    public async Task WaitHealthyAsync(string baseUrl, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"The portal exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(baseUrl + "/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"The portal did not become healthy at {baseUrl}:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the output
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
