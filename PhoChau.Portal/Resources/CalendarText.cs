namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the calendar pages' UI text: CalendarText.resx (Vietnamese) and CalendarText.en-US.resx.</summary>
public sealed class CalendarText;
