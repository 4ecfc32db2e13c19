using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Dialogues;

/// <summary>Where the results of a dialogue are published (Law on Organisation of Local Government 2025, art. 43).</summary>
public enum PublicationChannel { Media, NoticeBoard, VillageHeads, Website }

/// <summary>
/// One channel's publication of a dialogue's results: the date and a proof (a photo of the notice board, the radio's
/// schedule, the note sent to the village heads), one record a channel, replaced when recorded again.
/// </summary>
public class DialoguePublication : ICommuneOwned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    public int DialogueId { get; set; }
    public PublicationChannel Channel { get; set; }
    public DateOnly PublishedOn { get; set; }
    public string Note { get; set; } = "";
    public string ProofFileName { get; set; } = "";
    public string ProofContentType { get; set; } = "";
    public byte[] Proof { get; set; } = [];
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
}

internal sealed class DialoguePublicationConfiguration : IEntityTypeConfiguration<DialoguePublication>
{
    public void Configure(EntityTypeBuilder<DialoguePublication> e)
    {
        e.HasIndex(p => new { p.DialogueId, p.Channel }).IsUnique();
        e.Property(p => p.Note).HasMaxLength(1000);
        e.Property(p => p.ProofFileName).HasMaxLength(260);
        e.Property(p => p.ProofContentType).HasMaxLength(100);
        e.Property(p => p.RecordedBy).HasMaxLength(256);
        e.HasOne<Dialogue>().WithMany().HasForeignKey(p => p.DialogueId).OnDelete(DeleteBehavior.Restrict);
    }
}
