namespace PhoChau.Core.Documents;

/// <summary>One sheet of a report: its title line, Vietnamese headers and rows.</summary>
public sealed record ReportTable(string SheetName, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);
