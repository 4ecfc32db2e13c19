using PhoChau.Portal;

return await PortalApp.RunAsync(args);

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
