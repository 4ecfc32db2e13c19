using System.Globalization;

namespace PhoChau.Core.Documents;

/// <summary>A typed cell value: text is always written as text (never a formula), dates as real dates.</summary>
public readonly record struct ReportCell(string? Text, DateOnly? Date, double? Number)
{
    public static implicit operator ReportCell(string? text) => new(text, null, null);
    public static implicit operator ReportCell(DateOnly? date) => new(null, date, null);
    public static implicit operator ReportCell(int number) => new(null, null, number);

    public int Width => Text?.Length ?? (Date is not null ? 10 : Number?.ToString(CultureInfo.InvariantCulture).Length ?? 0);
}
