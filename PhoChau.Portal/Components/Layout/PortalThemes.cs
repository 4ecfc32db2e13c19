using MudBlazor;

namespace PhoChau.Portal.Components.Layout;

/// <summary>The portal's look: the commune's red, a dark variant, and a black-on-white projection theme.</summary>
public static class PortalThemes
{
    private static readonly string[] Fonts = ["Roboto", "Noto Sans", "DejaVu Sans", "sans-serif"];

    public static readonly MudTheme Standard = new()
    {
        // Status colours dark enough for white text and for text on their light tints (WCAG AA, 4.5:1):
        // MudBlazor's defaults (#00c853, #ff9800, #f44336, #2196f3) give 2.2–3.7:1.
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c", Secondary = "#f9a825", AppbarBackground = "#b71c1c",
            Success = "#2e7d32", Warning = "#b45309", Error = "#c62828", Info = "#1565c0",
        },
        PaletteDark = new PaletteDark { Primary = "#ef5350", Secondary = "#ffca28" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = Fonts } },
    };

    /// <summary>Maximum contrast for a projector in a bright hall: pure black on white, strong primary.</summary>
    public static readonly MudTheme Projection = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8b0000", Secondary = "#000000", Background = "#ffffff", Surface = "#ffffff",
            Success = "#1b5e20", Warning = "#9a4f00", Error = "#b71c1c", Info = "#0d47a1",
            TextPrimary = "#000000", TextSecondary = "#000000", AppbarBackground = "#000000", AppbarText = "#ffffff",
            DrawerText = "#000000", LinesDefault = "#000000", TableLines = "#000000",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1.25rem", FontWeight = "500" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = "1.25rem" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = "1.15rem" },
        },
    };
}
