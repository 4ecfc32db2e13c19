namespace PhoChau.Core.Petitions;

/// <summary>
/// An attachment's bytes kept in the database (<c>Attachments:Store = Database</c>): every portal node of a province
/// reads the same scans without a shared folder. A row of its own, so listing attachments never loads them.
/// </summary>
public class AttachmentContent : ICommuneOwned
{
    public int CommuneId { get; set; }

    public int AttachmentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
