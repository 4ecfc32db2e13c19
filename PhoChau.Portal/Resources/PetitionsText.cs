namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the dialogue, petition and inbox pages' UI text: PetitionsText.resx (Vietnamese) and .en-US.resx.</summary>
public sealed class PetitionsText;
