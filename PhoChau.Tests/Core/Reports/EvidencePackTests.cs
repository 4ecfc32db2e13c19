using System.IO.Compression;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 23: the evidence pack holds each document, the proofs of publication and an index whose rows match the database.</summary>
public sealed class EvidencePackTests
{
    [Fact]
    public async Task The_pack_holds_each_document_issued_or_not_the_proofs_and_an_index_matching_the_petitions()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _) = await ConcludedSession.WithIssuedNoticeAsync(host);
        var notice = await host.Get<IssuingService>().IssueAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Notice, "12/TB-UBND", new DateOnly(2026, 3, 2), "http://192.168.1.10:5000");
        var proof = "%PDF-1.4 niêm yết"u8.ToArray();
        await host.Get<PublicationService>().RecordAsync(CoreTestHost.Secretary, d.Id, PublicationChannel.NoticeBoard, new DateOnly(2026, 3, 2), "niem-yet.pdf", proof, "Bảng tin");

        using var buffer = new MemoryStream();
        await host.Get<EvidencePackService>().WriteAsync(CoreTestHost.Secretary, d.Id, buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        // Every file name in Vietnamese (without marks): no enum name in English (issue 33.8).
        Assert.DoesNotContain(names, n => System.Text.RegularExpressions.Regex.IsMatch(n, "Media|NoticeBoard|VillageHeads|Website"));

        Assert.Contains($"01-ke-hoach-doi-thoai-{d.Id}.docx", names);
        Assert.Contains($"02-thong-bao-to-chuc-doi-thoai-{d.Id}.docx", names);
        Assert.Contains($"03-bien-ban-doi-thoai-{d.Id}.docx", names);
        Assert.Contains($"04-thong-bao-ket-luan-{d.Id}-ban-1.pdf", names); // the issued version, as issued
        Assert.Contains($"05-bao-cao-ket-qua-doi-thoai-{d.Id}.docx", names);
        Assert.Contains("06-cong-khai-niem-yet-tru-so.pdf", names);
        Assert.Contains(EvidencePackService.IndexName, names);
        Assert.Equal((await host.Get<IssuingService>().DownloadAsync(CoreTestHost.Secretary, notice.Id)).Pdf, Read(zip, $"04-thong-bao-ket-luan-{d.Id}-ban-1.pdf"));
        Assert.Equal(proof, Read(zip, "06-cong-khai-niem-yet-tru-so.pdf"));

        using var workbook = new XLWorkbook(new MemoryStream(Read(zip, EvidencePackService.IndexName)));
        var sheet = workbook.Worksheet("Kiến nghị");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Mã kiến nghị").RowNumber();
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > header).Select(r => (Code: r.Cell(1).GetString(), State: r.Cell(4).GetString(), Answer: r.Cell(6).GetString())).ToList();
        await using var db = host.NewDb();
        var petitions = await db.Petitions.AsNoTracking().Where(p => p.DialogueId == d.Id).OrderBy(p => p.Number).ToListAsync();
        Assert.Equal(petitions.Select(p => p.Code), rows.Select(r => r.Code));
        foreach (var p in petitions)
        {
            var row = rows.Single(r => r.Code == p.Code);
            Assert.Equal(PhoChau.Core.Resources.CoreText.Get("Public.State." + p.State), row.State);
            Assert.Equal(PhoChau.Core.Citizens.PublicLookupService.PublicAnswer(p).Answer ?? "", row.Answer);
            foreach (var personal in new[] { p.PetitionerName, p.Phone, p.IdCardNumber })
                Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString().Contains(personal!, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains(workbook.Worksheet("Tài liệu").CellsUsed(), c => c.GetString() == notice.Code);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var s = zip.GetEntry(name)!.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
