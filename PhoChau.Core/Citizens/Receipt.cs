using PhoChau.Core.Documents;

namespace PhoChau.Core.Citizens;

/// <summary>
/// What a phiếu tiếp nhận shows: the commune, the petition's code, the day it was received, when an answer is due
/// (and the working days of the rule), and the PIN that opens the public lookup with the code. Nothing else of the petition.
/// </summary>
public sealed record Receipt(
    int PetitionId, string CommitteeName, string CommuneName, string PlaceName, string DialogueTitle, string Code,
    DateOnly ReceivedOn, DateOnly? AnswerDue, string DeadlineRule, string Pin, DateTime IssuedAtUtc)
{
    public string SuperiorBody { get; init; } = "";

    /// <summary>The commune's code on a province's server (petition codes repeat from one commune to the next).</summary>
    public string? CommuneCode { get; init; }

    /// <summary>The public lookup page with the code filled in (and the commune, on a province's server): what the QR code opens.</summary>
    public string LookupUrl(string baseUrl) => $"{baseUrl.TrimEnd('/')}/tra-cuu?ma={Uri.EscapeDataString(Code)}" +
        (string.IsNullOrEmpty(CommuneCode) ? "" : $"&xa={Uri.EscapeDataString(CommuneCode)}");

    /// <summary>The receipt as a one-page .docx, with the other documents: the same text and QR code as the printed page.</summary>
    public void WriteDocx(Stream output, string baseUrl)
    {
        var url = LookupUrl(baseUrl);
        var doc = new AdministrativeDocument(SuperiorBody, CommitteeName, Code, PlaceName, DateOnly.FromDateTime(IssuedAtUtc.AddHours(7)),
            "PHIẾU TIẾP NHẬN KIẾN NGHỊ, PHẢN ÁNH", DialogueTitle,
            [
                $"Mã kiến nghị: {Code}",
                $"Ngày tiếp nhận: {ReceivedOn:dd/MM/yyyy}",
                AnswerDue is { } due ? $"Hạn trả lời: {due:dd/MM/yyyy} ({DeadlineRule})" : $"Hạn trả lời: {DeadlineRule}",
                $"Mã PIN tra cứu: {Pin}",
                $"Tra cứu tình hình giải quyết tại {url} (hoặc quét mã QR dưới đây), nhập mã kiến nghị và mã PIN. Vui lòng giữ kín mã PIN; phiếu in lại sẽ có mã PIN mới.",
            ],
            [], "NGƯỜI TIẾP NHẬN", "", "")
        { QrCode = url, QrMillimetres = 35 };
        DocxWriter.Write(output, doc);
    }
}
