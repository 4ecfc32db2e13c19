namespace PhoChau.Core.Reports;

/// <summary>The Word documents of a dialogue.</summary>
public enum DocumentKind { Minutes, Notice, ResultsReport }

/// <summary>What a document is written as: Word to edit and print, PDF to read and keep.</summary>
public enum PaperFormat { Docx, Pdf }
