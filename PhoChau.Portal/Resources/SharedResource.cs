namespace PhoChau.Portal.Resources;

/// <summary>Anchor type of the UI strings: SharedResource.resx (Vietnamese, default) and SharedResource.en-US.resx.</summary>
public sealed class SharedResource;
