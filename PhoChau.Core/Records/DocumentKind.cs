using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Records;

/// <summary>The documents of a dialogue (new kinds go at the end: the kind is stored by name, the order is the pages').</summary>
public enum DocumentKind { Minutes, Notice, ResultsReport, Plan, Announcement }

/// <summary>What a document is written as: Word to edit and print, PDF to read and keep.</summary>
public enum PaperFormat { Docx, Pdf }

/// <summary>
/// The text of a document drafted from the dialogue's data and edited by the secretary before it is issued (the plan
/// and the announcement; the minutes and the notice have their own records). Without a draft the document is composed.
/// </summary>
public class DocumentDraft : ICommuneOwned, IVersioned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    public int DialogueId { get; set; }
    public DocumentKind Kind { get; set; }
    public string Content { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}

internal sealed class DocumentDraftConfiguration : IEntityTypeConfiguration<DocumentDraft>
{
    public void Configure(EntityTypeBuilder<DocumentDraft> e)
    {
        e.Property(d => d.Version).IsConcurrencyToken();
        e.Property(d => d.UpdatedBy).HasMaxLength(256);
        e.HasIndex(d => new { d.DialogueId, d.Kind }).IsUnique();
        e.HasOne<Dialogue>().WithMany().HasForeignKey(d => d.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}
