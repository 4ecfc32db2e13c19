namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the personal data pages' UI text: PersonalDataText.resx (Vietnamese) and PersonalDataText.en-US.resx.</summary>
public sealed class PersonalDataText;
