namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the Sao lưu page's UI text: BackupsText.resx (Vietnamese) and BackupsText.en-US.resx.</summary>
public sealed class BackupsText;
