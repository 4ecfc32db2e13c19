namespace PhoChau.Tests.Support;

/// <summary>The demo portal with its dialogue (no. 1) in session, as the hall has it during the dialogue.</summary>
public static class DemoSession
{
    public static readonly Actor Secretary = new("s", "thuky", new HashSet<string> { Roles.Secretary });

    public static async Task<RunningPortal> StartAsync(IReadOnlyDictionary<string, string>? settings = null,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var portal = await RunningPortal.StartAsync(demo: true, settings, configure: configure);
        await portal.Services.GetRequiredService<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(Secretary, 1, "Diễn tập");
        return portal;
    }
}
