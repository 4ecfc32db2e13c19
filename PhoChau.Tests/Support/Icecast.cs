using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PhoChau.Tests.Support;

/// <summary>
/// A real Icecast on a loopback port with ffmpeg pushing a test tone to it, as a commune's laptop sends the hall's
/// microphone (issue 35). Without Debian's icecast2 and ffmpeg a test is skipped with the reason; with
/// PHOCHAU_REQUIRE_BROWSER=1 (CI, which installs them) it fails.
/// </summary>
public sealed class Icecast : IAsyncDisposable
{
    private const string Password = "thu-am-thanh";
    private readonly string _dir;
    private Process? _server;
    private Process? _source;

    private Icecast(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string Base => $"http://127.0.0.1:{Port}";

    public static void Require()
    {
        foreach (var tool in new[] { "/usr/bin/icecast2", "/usr/bin/ffmpeg" })
        {
            if (File.Exists(tool)) continue;
            var reason = $"Stream test skipped: {tool} not found (apt-get install -y icecast2 ffmpeg).";
            if (Environment.GetEnvironmentVariable("PHOCHAU_REQUIRE_BROWSER") == "1") Assert.Fail(reason);
            Assert.Skip(reason);
        }
    }

    /// <summary>Starts Icecast on a free loopback port and waits until it answers its status page.</summary>
    public static async Task<Icecast> StartAsync()
    {
        Require();
        var dir = Directory.CreateTempSubdirectory("phochau-icecast-").FullName;
        var port = FreePort();
        // Icecast refuses to run as root unless it changes owner; its logs must then be writable by that user.
        var asRoot = Environment.UserName == "root";
        if (asRoot && !OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        var config = Path.Combine(dir, "icecast.xml");
        await File.WriteAllTextAsync(config, $"""
            <icecast>
              <location>Phổ Châu</location><admin>thuky@localhost</admin>
              <limits><sources>2</sources><burst-size>16384</burst-size></limits>
              <authentication><source-password>{Password}</source-password><admin-user>admin</admin-user><admin-password>{Password}</admin-password></authentication>
              <hostname>127.0.0.1</hostname>
              <listen-socket><port>{port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
              <fileserve>1</fileserve>
              <paths><basedir>/usr/share/icecast2</basedir><logdir>{dir}</logdir><webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
              <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
              <security><chroot>0</chroot>{(asRoot ? "<changeowner><user>nobody</user><group>nogroup</group></changeowner>" : "")}</security>
            </icecast>
            """);
        var icecast = new Icecast(dir, port) { _server = Run("/usr/bin/icecast2", "-c", config) };
        await icecast.WaitForAsync(status => status.Contains("\"icestats\""), "Icecast did not start");
        return icecast;
    }

    /// <summary>ffmpeg sends a 440 Hz tone as Opus in Ogg at 32 kbit/s, in real time, to the mount; waits until Icecast has it.</summary>
    public async Task<string> PushToneAsync(string mount)
    {
        _source = Run("/usr/bin/ffmpeg", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "sine=frequency=440",
            "-c:a", "libopus", "-b:a", "32k", "-f", "ogg", "-content_type", "application/ogg",
            $"icecast://source:{Password}@127.0.0.1:{Port}{mount}");
        await WaitForAsync(status => status.Contains($"{mount}\""), "ffmpeg's tone did not reach Icecast");
        return Base + mount;
    }

    /// <summary>Stops the stream server (and so the sound), as a laptop's Icecast that falls over.</summary>
    public async Task StopAsync()
    {
        foreach (var p in new[] { _server, _source })
        {
            if (p is null || p.HasExited) continue;
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _server?.Dispose();
        _source?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task WaitForAsync(Func<string, bool> ready, string failure)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = Stopwatch.StartNew();
        var last = "";
        while (until.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                last = await http.GetStringAsync(Base + "/status-json.xsl");
                if (ready(last)) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        var log = Path.Combine(_dir, "error.log");
        throw new InvalidOperationException($"{failure}: {last} {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
    }

    private static Process Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
