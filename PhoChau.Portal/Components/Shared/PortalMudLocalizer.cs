using MudBlazor;

namespace PhoChau.Portal.Components.Shared;

/// <summary>
/// MudBlazor's own texts (the pager's "Rows per page", "1-25 of 36", close and clear buttons) in Vietnamese from
/// MudBlazorText.resx. MudBlazor asks only for cultures other than English; a key not found keeps its English text.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<MudBlazorText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    // Without arguments the text is not formatted: the pager's "{first_item}-{last_item}" is MudBlazor's own placeholder.
    public override LocalizedString this[string key, params object[] arguments] => arguments.Length == 0 ? text[key] : text[key, arguments];
}
