using PhoChau.Core.Auditing;

namespace PhoChau.Core.Petitions;

/// <summary>A scan or photo stored on disk in the data folder; the SHA-256 proves it was not altered.</summary>
public class PetitionAttachment : IAudited, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public int PetitionId { get; set; }
    public AttachmentPurpose Purpose { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    /// <summary>Path relative to the attachments root.</summary>
    public string StoragePath { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
}
