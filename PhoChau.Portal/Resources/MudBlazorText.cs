namespace PhoChau.Portal.Resources;

/// <summary>
/// Anchor type of MudBlazor's own texts in Vietnamese (MudBlazorText.resx: the pager, "loading", close and clear buttons…).
/// English screens keep MudBlazor's built-in English; a key missing here falls back to it too.
/// </summary>
public sealed class MudBlazorText;
