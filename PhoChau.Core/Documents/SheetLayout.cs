namespace PhoChau.Core.Documents;

/// <summary>
/// What a streamed sheet knows before its first row: the title lines, the headers and the column widths
/// (computed from the data's longest values, as the formatted reports do, but by a query instead of a pass).
/// </summary>
public sealed record SheetLayout(string SheetName, string Heading, string Title, IReadOnlyList<string> Headers, IReadOnlyList<int> Widths)
{
    public const int MaxWidth = 60;

    /// <summary>A header's width, then widened to the longest value up to <see cref="MaxWidth"/> (the ClosedXML reports' rule).</summary>
    public static int Width(string header, int longestValue) => Math.Max(Math.Min(header.Length + 2, 30), Math.Min(longestValue + 2, MaxWidth));
}
