namespace PhoChau.Core.Reports;

/// <summary>The Word documents of a dialogue.</summary>
public enum DocumentKind { Minutes, Notice, ResultsReport }
