namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the hall screens' UI text: HallText.resx (Vietnamese) and HallText.en-US.resx.</summary>
public sealed class HallText;
