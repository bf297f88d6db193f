using MudBlazor;

namespace DonDoc.Components.Layout;

public static class DonDocTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#a61b1b",
            Secondary = "#0d47a1",
            AppbarBackground = "#a61b1b",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
