using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PhoChau.Portal;

namespace PhoChau.Tests.Support;

/// <summary>
/// The real portal on a loopback port (Kestrel, not the in-memory test server), for browsers and
/// SignalR clients. It can be stopped and started again on the same database and port.
/// </summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "phochau-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _settings;
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public string DataRoot => _dir;
    public IServiceProvider Services => _app!.Services;

    private readonly Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? _configure;

    private RunningPortal(Dictionary<string, string> settings, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        _settings = settings;
        _configure = configure;
    }

    public static async Task<RunningPortal> StartAsync(bool demo = false, IReadOnlyDictionary<string, string>? settings = null, string url = "http://127.0.0.1:0",
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var portal = new RunningPortal(new Dictionary<string, string>
        {
            ["Seed:AdminPassword"] = PortalFactory.AdminPassword,
            ["Seed:Demo"] = demo ? "true" : "false",
            ["Seed:DemoPassword"] = PortalFactory.UserPassword,
        }, configure);
        Directory.CreateDirectory(portal._dir);
        TestSigning.Trust(portal._dir);
        portal._settings["ConnectionStrings:Default"] = $"Data Source={Path.Combine(portal._dir, "portal.db")}";
        portal._settings["Data:Root"] = portal._dir;
        portal._settings["Backup:Daily"] = "false";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) portal._settings[k] = v;
        await portal.StartOnAsync(url);
        return portal;
    }

    private async Task StartOnAsync(string url)
    {
        var args = new List<string> { "--urls", url, "--environment", "Testing", "--contentRoot", _dir };
        foreach (var (k, v) in _settings) args.AddRange(["--" + k, v]);
        _app = PortalApp.Build([.. args], _configure);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>Stops the process's server and starts a new one on the same port and database (a restart).</summary>
    public async Task RestartAsync()
    {
        var url = BaseUrl;
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await StartOnAsync(url);
    }

    /// <summary>Starts the portal again after <see cref="StopAsync"/>, on the same data and port.</summary>
    public Task StartAgainAsync() => StartOnAsync(BaseUrl);

    /// <summary>Stops the portal (releasing its data folder), keeping its files for the test.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
