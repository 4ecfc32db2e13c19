namespace PhoChau.Core.Petitions;

public enum AttachmentStore { Folder, Database }

/// <summary>Where scans and photos are kept (the data folder's attachments/ by default) and what is accepted.</summary>
public sealed class AttachmentOptions
{
    /// <summary>Relative to the data folder (Data:Root) unless absolute.</summary>
    public string Root { get; set; } = "attachments";
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Folder (default: files under <see cref="Root"/>, a shared folder for several nodes) or Database.</summary>
    public AttachmentStore Store { get; set; } = AttachmentStore.Folder;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}
