using System.Text.RegularExpressions;

namespace PhoChau.Core.Documents;

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
    /// <summary>
    /// A QR code placed centred after the body (a receipt's lookup, an announcement's live page), with its size in
    /// millimetres: an image in Word, squares drawn on the PDF page.
    /// </summary>
    public string? QrCode { get; init; }
    public int QrMillimetres { get; init; } = 35;

    /// <summary>
    /// Lines that are the headings of a plan ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích:", "4.1. Trước khi đối thoại") are
    /// printed bold, as such documents print them; off for documents whose numbered lines are items, not headings.
    /// </summary>
    public bool NumberedHeadings { get; init; }

    /// <summary>Whether a body line is one of those headings: a numbered line short enough to be a title.</summary>
    public bool IsHeading(string line) =>
        NumberedHeadings && line.Length <= 90 && Regex.IsMatch(line, @"^([IVX]+|\d+(\.\d+)*)\.\s")
        || SectionHeadings && line.Length <= 90 && Regex.IsMatch(line, @"^[IVX]+\.\s") && line == line.ToUpperInvariant();

    /// <summary>
    /// Only the sections' headings in capitals ("I. THÀNH PHẦN") are bold: the minutes' numbered lines are items (issue 33.8:
    /// the minutes' headings were not bold).
    /// </summary>
    public bool SectionHeadings { get; init; }

    /// <summary>An issued version's verification code and the public address that checks it (printed with its QR code).</summary>
    public DocumentVerification? Verification { get; init; }
}

public sealed record DocumentVerification(string Code, string Url);
