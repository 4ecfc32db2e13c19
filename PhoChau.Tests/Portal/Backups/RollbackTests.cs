using System.Diagnostics;
using System.Net;

namespace PhoChau.Tests.Portal.Backups;

/// <summary>
/// Issue 32.1, the README's way back after an upgrade, run for real: the previous release (the main this version
/// was built from, <see cref="PreviousRelease"/>, built from the repository's history) runs and is probed by /healthz;
/// this version upgrades its database, backing up first; the previous program restores that backup and runs on it.
/// </summary>
public sealed class RollbackTests
{
    /// <summary>The commit of the release before this one. Move it forward when a release is made.</summary>
    public const string PreviousRelease = "a48d1e846fdb5c2979ba120387f826f43eaa2f4a";

    [Fact]
    public async Task The_previous_program_restores_the_backup_this_version_made_before_upgrading_and_runs_on_it()
    {
        var previousDll = await BuildPreviousAsync();
        var data = Path.Combine(Directory.CreateTempSubdirectory("phochau-rollback").FullName, "data");
        var url = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        var env = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url, ["Data__Root"] = data, ["Seed__Demo"] = "true", ["Seed__DemoPassword"] = PortalFactory.UserPassword };
        using var http = new HttpClient();

        // The previous release at work: demo data, its passphrase, probed as a service manager probes it.
        await using (var previous = PortalProcess.Start(env, "dotnet", "/", previousDll))
        {
            await previous.WaitHealthyAsync(url);
            for (var i = 0; i < 2; i++) { Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "/healthz")).StatusCode); await Task.Delay(3200); }
        }
        Assert.Equal(0, await RunAsync(previousDll, data, "set-backup-passphrase", "--passphrase", CoreTestHost.BackupPassphrase));
        var db = Path.Combine(data, "phochau.db");
        var before = BackupData.Dump(db);

        // This version upgrades it, backing up first, and is probed in turn.
        await using (var current = PortalProcess.Start(env))
        {
            await current.WaitHealthyAsync(url);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "/healthz")).StatusCode);
        }
        var preUpgrade = Assert.Single(Directory.GetFiles(Path.Combine(data, "backups"), "phochau-*-truoc-nang-cap.zip"));

        // The way back, as the README gives it: the previous program restores that backup, and starts on it.
        var exit = await RunAsync(previousDll, data, "restore", preUpgrade, "--passphrase", CoreTestHost.BackupPassphrase);
        Assert.Equal(0, exit);
        Assert.Equal(before, BackupData.Dump(db));
        await using (var back = PortalProcess.Start(env, "dotnet", "/", previousDll))
        {
            await back.WaitHealthyAsync(url);
            Assert.DoesNotContain("newer", back.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<int> RunAsync(string dll, string data, params string[] args)
    {
        await using var command = PortalProcess.Start(new Dictionary<string, string> { ["Data__Root"] = data }, "dotnet", "/", [dll, .. args]);
        var exit = await command.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"{args[0]}: exit {exit}\n{command.Output}");
        return exit;
    }

    /// <summary>The previous release's portal, built once per machine from the repository's history (a minute).</summary>
    private static async Task<string> BuildPreviousAsync()
    {
        var root = PortalProcess.RepositoryRoot();
        var dir = Path.Combine(Path.GetTempPath(), "phochau-previous-" + PreviousRelease[..12]);
        var dll = Path.Combine(dir, "out", "PhoChau.Portal.dll");
        if (File.Exists(dll)) return dll;
        var source = Path.Combine(dir, "src");
        if (Directory.Exists(source)) Directory.Delete(source, recursive: true);
        Directory.CreateDirectory(source);
        await Run("bash", root, "-c", $"git cat-file -e {PreviousRelease}^{{commit}} && git archive {PreviousRelease} | tar -x -C '{source}'");
        await Run("dotnet", source, "build", "PhoChau.Portal", "-c", "Release", "-o", Path.Combine(dir, "out"), "-p:TreatWarningsAsErrors=false", "-nologo", "-v", "q");
        return dll;
    }

    private static async Task Run(string program, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await p.WaitForExitAsync(limit.Token);
        Assert.True(p.ExitCode == 0,
            $"Could not build the previous release {PreviousRelease} from the repository's history (a clone with its history is needed):\n{await output}\n{await error}");
    }
}
