using System.Net;

namespace PhoChau.Bench;

/// <summary>
/// Issue 21: from process start to a healthy /healthz and a served sign-in page, for the release as build.sh publishes
/// it (self-contained linux-x64), started the way a service manager starts it (another working directory,
/// ASPNETCORE_URLS), beside an empty ASP.NET Core app published the same way (the floor). A first start (creating and
/// migrating the database, seeding) is shown apart; the figure is a start on an existing data folder, as every
/// morning. Target: under 2 s on 2 cores.
/// </summary>
public sealed class StartupBenchmark : IBenchmark
{
    public string Name => "startup";
    public string Description => "published release: process start → /healthz 200 and /account/login served, beside an empty ASP.NET Core app";

    public async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0]) : 5;
        var root = Directory.CreateTempSubdirectory("phochau-bench-startup").FullName;
        try
        {
            var repo = RepositoryRoot();
            var portal = Path.Combine(root, "portal");
            var floor = Path.Combine(root, "floor");
            Console.WriteLine("publishing the portal and the floor app (Release, linux-x64, self-contained, composite, as release/build.sh: about 10 minutes)…");
            await PublishAsync(Path.Combine(repo, "PhoChau.Portal"), portal);
            // As the portal's csproj asks: ReadyToRun, one composite image with the runtime.
            await PublishAsync(Path.Combine(repo, "PhoChau.Bench", "floor"), floor, "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true");

            var data = Path.Combine(root, "data");
            var first = await StartAsync(Path.Combine(portal, "PhoChau.Portal"), data);
            var floorTimes = new List<double>();
            var portalTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                floorTimes.Add(await StartAsync(Path.Combine(floor, "EmptyWeb"), null));
                portalTimes.Add(await StartAsync(Path.Combine(portal, "PhoChau.Portal"), data));
            }
            floorTimes.Sort();
            portalTimes.Sort();
            Console.WriteLine($"{"start (ms to /healthz 200 and sign-in page)",-46} {"median",8} {"max",8}");
            Console.WriteLine($"{"empty ASP.NET Core app (floor)",-46} {floorTimes[runs / 2],8:F0} {floorTimes[^1],8:F0}");
            Console.WriteLine($"{"portal, existing data folder",-46} {portalTimes[runs / 2],8:F0} {portalTimes[^1],8:F0}");
            Console.WriteLine($"{"portal, first start (database created, seeded)",-46} {first,8:F0}");
            Console.WriteLine($"startup: {portalTimes[runs / 2] / 1000:F2} s (max {portalTimes[^1] / 1000:F2} s; floor {floorTimes[runs / 2] / 1000:F2} s; first start {first / 1000:F2} s) (target < 2 s)");
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    private static async Task PublishAsync(string project, string output, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "true",
            "-p:DebugType=None", "-p:GenerateDocumentationFile=false", "-o", output, "-v", "quiet", "-nologo", .. extra])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        var output1 = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"publish {project} failed: {await output1}{await error}");
    }

    /// <summary>Milliseconds from Process.Start to /healthz answering 200 and /account/login served; then a clean stop.</summary>
    private static async Task<double> StartAsync(string program, string? data)
    {
        var port = FreePort();
        // Started from an empty folder of its own: an app whose content root is its working directory watches that
        // folder and everything below it for changed settings (from "/" that alone took the floor 1.5 s).
        var cwd = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(program))!, "cwd");
        Directory.CreateDirectory(cwd);
        var psi = new ProcessStartInfo(program) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        if (data is not null)
        {
            psi.Environment["Data__Root"] = data;
            psi.Environment["Seed__AdminPassword"] = "Bench12345";
            psi.Environment["Backup__Daily"] = "false";
        }
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A bare TCP connect every 10 ms until the port opens (cheap: the probe must not take the cores it measures),
            // then /healthz until it answers 200 (it is 503 until migrations and seeding are done).
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"{program} exited with {process.ExitCode} before it listened");
                if (sw.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{program} not listening in 60 s");
                using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (System.Net.Sockets.SocketException) { }
                await Task.Delay(10);
            }
            while ((await http.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
            {
                if (sw.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{program} not healthy in 60 s");
                await Task.Delay(10);
            }
            var login = await http.GetAsync("/account/login");
            if (login.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"sign-in page answered {(int)login.StatusCode}");
            await login.Content.ReadAsStringAsync();
            return sw.Elapsed.TotalMilliseconds;
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
            if (!process.WaitForExit(20_000)) process.Kill(true);
        }
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PhoChau.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmark from the repository (PhoChau.sln not found)");
    }
}
