namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the reports page's UI text: ReportsText.resx (Vietnamese) and ReportsText.en-US.resx.</summary>
public sealed class ReportsText;
