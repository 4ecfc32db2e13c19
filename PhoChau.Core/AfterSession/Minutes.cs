using PhoChau.Core.Auditing;

namespace PhoChau.Core.AfterSession;

/// <summary>The minutes of a dialogue (biên bản). Once final it is locked; a correction is a new version, the old one kept.</summary>
public class Minutes : IAudited, IVersioned, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int DialogueId { get; set; }
    public int VersionNumber { get; set; }
    public string Content { get; set; } = "";
    public bool IsFinal { get; set; }
    public DateTime? FinalisedAtUtc { get; set; }
    public string? FinalisedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
}
