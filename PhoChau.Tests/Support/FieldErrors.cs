using AngleSharp.Dom;
using Bunit;

namespace PhoChau.Tests.Support;

/// <summary>What a MudBlazor field says under itself (its error text), found from the data-testid its input carries.</summary>
public static class FieldErrors
{
    public static string? FieldError<T>(this IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        Of(cut.Find($"[data-testid={testId}]"));

    /// <summary>The error under the field holding <paramref name="element"/>, or null when it shows none.</summary>
    public static string? Of(IElement element) =>
        element.Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
