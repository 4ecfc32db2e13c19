namespace PhoChau.Core.Petitions;

public sealed record PetitionListPage(IReadOnlyList<PetitionRow> Rows, int Total);
