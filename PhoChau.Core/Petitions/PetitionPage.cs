namespace PhoChau.Core.Petitions;

public sealed record PetitionPage(IReadOnlyList<PetitionRow> Rows, int Total);
