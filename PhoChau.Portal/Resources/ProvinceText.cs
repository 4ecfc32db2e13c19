namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the province's pages text: ProvinceText.resx and ProvinceText.en-US.resx.</summary>
public sealed class ProvinceText;
