namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the citizens' pages, receipts, templates and satisfaction UI text: CitizensText.resx and CitizensText.en-US.resx.</summary>
public sealed class CitizensText;
