namespace PhoChau.Core.Petitions;

public sealed record ImportError(string Column, string Message);

/// <summary>
/// One data row of an uploaded list: what it would save, why it cannot, or whom it duplicates; <see cref="Cells"/> is the
/// text as typed, by <see cref="ImportColumn.All"/>, for the file of rejected rows.
/// </summary>
public sealed record ImportRow(int RowNumber, PetitionInput Input, IReadOnlyList<ImportError> Errors, string? LikelyDuplicateOf, IReadOnlyList<string> Cells)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>The whole file checked, nothing saved yet; <see cref="FileError"/> set when the file itself is unusable.</summary>
public sealed record ImportPreview(string? FileError, IReadOnlyList<ImportRow> Rows)
{
    public int ValidCount => Rows.Count(r => r.IsValid);
    public int DuplicateCount => Rows.Count(r => r.IsValid && r.LikelyDuplicateOf is not null);
}

/// <summary>What a confirmed import saved: how many, and the numbers of the first and last (for a link to them).</summary>
public sealed record ImportResult(int Saved, int FirstNumber, int LastNumber);
