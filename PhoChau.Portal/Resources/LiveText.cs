namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the public live page's text: LiveText.resx (Vietnamese) and LiveText.en-US.resx.</summary>
public sealed class LiveText;
