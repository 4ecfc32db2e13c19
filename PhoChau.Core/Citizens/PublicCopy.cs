using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Citizens;

public enum PublicTextKind { Answer, Reply, Notice }

/// <summary>
/// The public copy of a text the results publish (a petition's answer or reply, a dialogue's notice of conclusions),
/// hidden against everything the portal knew of the people concerned when it was made. /ket-qua serves these copies,
/// never the source texts: an erasure afterwards cannot bring back what was hidden. Made anew only when its source
/// text changes (<see cref="SourceHash"/>).
/// </summary>
public class PublicCopy : ICommuneOwned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    /// <summary>The dialogue whose results publish it (a cluster session's texts are its dialogue's).</summary>
    public int DialogueId { get; set; }
    public PublicTextKind Kind { get; set; }
    /// <summary>The petition (answer, reply) or the notice.</summary>
    public int SourceId { get; set; }
    public string SourceHash { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>What was hidden, one value a line: shown to staff, cleared of a person's values when they are erased.</summary>
    public string Hidden { get; set; } = "";
    public DateTime MadeAtUtc { get; set; }
}

internal sealed class PublicCopyConfiguration : IEntityTypeConfiguration<PublicCopy>
{
    public void Configure(EntityTypeBuilder<PublicCopy> e)
    {
        e.HasIndex(c => new { c.CommuneId, c.Kind, c.SourceId }).IsUnique();
        e.HasIndex(c => c.DialogueId);
        e.Property(c => c.SourceHash).HasMaxLength(64);
    }
}
