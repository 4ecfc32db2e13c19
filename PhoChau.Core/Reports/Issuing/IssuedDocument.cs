using PhoChau.Core.Records;
namespace PhoChau.Core.Reports.Issuing;

/// <summary>Where an issued version stands: made and fixed, signed by its signer (the token), sealed by the agency.</summary>
public enum IssuedState { AwaitingSignature, Signed, Sealed }

/// <summary>
/// One issued version of a dialogue's document, as a PDF that never changes but by signatures added to it: a
/// corrected text is a new version, and the earlier one is marked superseded. Its code is printed on it (with a QR
/// code) and opens its public check, <c>/xac-minh/{code}</c>.
/// </summary>
public class IssuedDocument : ICommuneOwned, IVersioned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    public int DialogueId { get; set; }
    public DocumentKind Kind { get; set; }
    public int VersionNumber { get; set; }
    /// <summary>The public verification code (unique across every commune: the code alone finds it).</summary>
    public string Code { get; set; } = "";
    public string NumberAndSymbol { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public IssuedState State { get; private set; }

    /// <summary>The one way the state changes: checked against <see cref="IssuedStateMachine"/>'s table.</summary>
    public void MoveTo(IssuedState to)
    {
        IssuedStateMachine.Demand(this, to);
        State = to;
    }
    public byte[] Pdf { get; set; } = [];
    /// <summary>SHA-256 of <see cref="Pdf"/> in hex: what a file shown on the public check is compared with.</summary>
    public string Sha256 { get; set; } = "";
    public DateTime PreparedAtUtc { get; set; }
    public string PreparedBy { get; set; } = "";
    /// <summary>Who signed, in order ("Lê Văn Thái; UBND xã Phổ Châu").</summary>
    public string? Signers { get; set; }
    public DateTime? SignedAtUtc { get; set; }
    /// <summary>What the signing left to know (signed without a time-stamp, and why).</summary>
    public string? SigningNote { get; set; }
    public DateTime? SupersededAtUtc { get; set; }
    public int? SupersededByVersion { get; set; }
    /// <summary>The one-time ticket by which a signing plugin fetches the file and returns it signed.</summary>
    public string? PluginTicket { get; set; }
    public DateTime? PluginTicketExpiresUtc { get; set; }
    /// <summary>The room for the signature and seal (PDF points from the page's lower left corner).</summary>
    public int SignaturePage { get; set; }
    public double SignatureX { get; set; }
    public double SignatureY { get; set; }
    public double SignatureWidth { get; set; }
    public double SignatureHeight { get; set; }
    public int Version { get; set; }
}

public enum SignatureArtKind { Seal, Signature }

/// <summary>The images of Decree 30's Appendix I, uploaded once by the administrator: the red seal and the signer's blue signature.</summary>
public class SignatureArt : ICommuneOwned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    public SignatureArtKind Kind { get; set; }
    public byte[] Png { get; set; } = [];
    /// <summary>Printed size: the seal's diameter, the signature's width.</summary>
    public int Millimetres { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
}
