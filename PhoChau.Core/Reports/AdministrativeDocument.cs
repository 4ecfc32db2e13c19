namespace PhoChau.Core.Reports;

/// <summary>
/// The parts of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I): issuing body, number
/// and symbol, place and date, title, body, recipients and the signature block.
/// </summary>
public sealed record AdministrativeDocument(
    string SuperiorBody, string IssuingBody, string NumberAndSymbol, string PlaceName, DateOnly? Date,
    string Title, string Subtitle, IReadOnlyList<string> Body, IReadOnlyList<string> Recipients,
    string SignatureAuthority, string SignatureTitle, string SignerName,
    string? LeftSignatureTitle = null, string? LeftSignerName = null)
{
    /// <summary>A PNG placed centred after the body (a receipt's QR code), with its size in millimetres.</summary>
    public byte[]? Image { get; init; }
    public int ImageMillimetres { get; init; } = 35;

    /// <summary>An issued version's verification code and the public address that checks it (printed with its QR code).</summary>
    public DocumentVerification? Verification { get; init; }
}

public sealed record DocumentVerification(string Code, string Url);
