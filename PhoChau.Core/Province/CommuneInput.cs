namespace PhoChau.Core.Province;

/// <summary>A new commune of the province, with the People's Committee's details its documents carry and its first administrator.</summary>
public sealed class CommuneInput
{
    public string Code { get; set; } = "";
    public string CommuneName { get; set; } = "";
    public string CommitteeName { get; set; } = "";
    public string PlaceName { get; set; } = "";
    public string SuperiorBody { get; set; } = "";
    public string ChairmanName { get; set; } = "";
    public string AdminUserName { get; set; } = "";
    public string AdminFullName { get; set; } = "";
    public string AdminPassword { get; set; } = "";
}

public sealed record CommuneSummary(int Id, string? Code, string CommuneName, string CommitteeName, int Accounts, int Dialogues, int Petitions);

/// <summary>One commune's figures for a year: what the province's administrative-reform index asks.</summary>
public sealed record CommuneFigures(
    int CommuneId, string Commune, IReadOnlyList<int> DialoguesByQuarter, int Received, int SettledAtSession,
    int RepliedOnTime, int RepliedLate, int Overdue, int Pending)
{
    public int DialoguesHeld => DialoguesByQuarter.Sum();
}

public sealed record FieldFigures(string Field, int Received, int SettledAtSession, int RepliedOnTime, int RepliedLate, int Overdue);

public sealed record ProvinceFigures(int Year, IReadOnlyList<CommuneFigures> Communes, IReadOnlyList<FieldFigures> Fields);
