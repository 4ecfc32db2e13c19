using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Reports;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Reports;

/// <summary>
/// One concluded session, held on another day than planned, whose petitions end every way a petition can: each
/// document and report drafted from it must give the same figures as the database, adding up to the total.
/// </summary>
public sealed class SessionFiguresTests
{
    private static readonly DateOnly Planned = new(2026, 3, 23), Held = new(2026, 3, 2); // the test clock's day

    private static async Task<Dialogue> ArrangeAsync(CoreTestHost host)
    {
        var d = await WorkflowData.DialogueAsync(host, Planned);
        var petitions = host.Get<PetitionService>();
        var outcomes = host.Get<SessionOutcomeService>();
        var land = await WorkflowData.DepartmentIdAsync(host);
        var settled = await WorkflowData.PetitionAsync(host, d.Id, "Nguyễn Văn An");
        var notSettled = await WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Bình");
        var assignedNeverRaised = await WorkflowData.PetitionAsync(host, d.Id, "Lê Văn Cường");
        await WorkflowData.PetitionAsync(host, d.Id, "Phạm Thị Dung"); // received, never assigned
        var withdrawn = await WorkflowData.PetitionAsync(host, d.Id, "Võ Văn Em");
        await petitions.WithdrawAsync(CoreTestHost.Secretary, withdrawn.Id, withdrawn.Version);
        await petitions.AssignAsync(CoreTestHost.Secretary, assignedNeverRaised.Id, assignedNeverRaised.Version, land);
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        await host.Get<SpeakerQueueService>().OpenSessionAsync(CoreTestHost.Secretary, d.Id); // three weeks early
        await outcomes.AssignAsync(CoreTestHost.Chairman, settled.Id, land);
        await outcomes.SettleAsync(CoreTestHost.Chairman, settled.Id, "Trả kết quả ngày 10/3/2026.", "Công chức Địa chính");
        await outcomes.NotSettledAsync(CoreTestHost.Chairman, notSettled.Id, land);
        await host.Get<SpeakerQueueService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        return d;
    }

    private static async Task<string> DocumentTextAsync(CoreTestHost host, int dialogueId, DocumentKind kind)
    {
        using var ms = new MemoryStream();
        await host.Get<DocumentService>().WriteAsync(CoreTestHost.Secretary, dialogueId, kind, ms);
        ms.Position = 0;
        using var doc = WordprocessingDocument.Open(ms, false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task Every_petition_not_settled_at_a_held_session_is_answered_in_writing_by_the_replies_deadline()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await ArrangeAsync(host);
        await using var db = host.NewDb();
        var due = await db.DialogueDeadlines.Where(x => x.DialogueId == d.Id && x.Key == DeadlineKeys.Replies).Select(x => x.DueDate).SingleAsync();
        var lc = await db.Petitions.SingleAsync(p => p.DialogueId == d.Id && p.PetitionerName == "Lê Văn Cường");
        Assert.Equal((PetitionState.NotSettled, due), (lc.State, lc.ReplyDueDate));
        // Plan 4.3: 10 working days after the day it was held (2/3/2026), not after the planned 23/3.
        Assert.Equal(new DateOnly(2026, 3, 16), due);
        Assert.Equal(Held, (await db.Dialogues.SingleAsync(x => x.Id == d.Id)).SessionDate);
    }

    [Fact]
    public async Task The_results_report_minutes_notice_and_summary_add_up_to_every_petition_and_carry_one_date()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await ArrangeAsync(host);
        List<Petition> all;
        await using (var db = host.NewDb()) all = await db.Petitions.AsNoTracking().Where(p => p.DialogueId == d.Id).ToListAsync();
        var settled = all.Count(p => p.SessionAnswer is not null);
        var withdrawnOrMerged = all.Count(p => p.State is PetitionState.Withdrawn or PetitionState.Merged);
        var inWriting = all.Count - settled - withdrawnOrMerged;
        Assert.Equal((5, 1, 3, 1), (all.Count, settled, inWriting, withdrawnOrMerged));

        var report = await DocumentTextAsync(host, d.Id, DocumentKind.ResultsReport);
        Assert.Contains($"Tổng số kiến nghị, phản ánh tiếp nhận: {all.Count};", report);
        Assert.Contains($"Giải quyết tại buổi đối thoại: {settled} kiến nghị.", report);
        Assert.Contains($"giao trả lời bằng văn bản: {inWriting} kiến nghị (trong đó 1 kiến nghị chưa giao bộ phận)", report);
        Assert.Contains($"Rút hoặc gộp vào kiến nghị khác: {withdrawnOrMerged} kiến nghị.", report);
        Assert.DoesNotContain("Đang xử lý trước buổi đối thoại", report);

        var minutes = await DocumentTextAsync(host, d.Id, DocumentKind.Minutes);
        Assert.Contains($"1. Kiến nghị đã giải quyết tại buổi đối thoại: {settled}.", minutes);
        Assert.Contains($"2. Kiến nghị chưa giải quyết, giao trả lời bằng văn bản: {inWriting}.", minutes);
        var notice = await DocumentTextAsync(host, d.Id, DocumentKind.Notice);
        Assert.Equal(inWriting, all.Count(p => notice.Contains($"- {p.Code} của {p.PetitionerName}")));

        // One date everywhere: the day it was held, never the planned one.
        foreach (var text in new[] { report, minutes, notice })
        {
            Assert.Contains(Held.ToString("dd/MM/yyyy"), text);
            Assert.DoesNotContain(Planned.ToString("dd/MM/yyyy"), text);
        }
        Assert.Contains("ngày 02 tháng 03 năm 2026", minutes); // the minutes' place and date line

        using var ms = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(CoreTestHost.Secretary, d.Id, ReportKind.Summary, ms);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var ws = wb.Worksheet("Theo lĩnh vực");
        Assert.Contains(Held.ToString("dd/MM/yyyy"), ws.Cell(1, 1).GetString());
        var total = ws.RowsUsed().Single(r => r.Cell(1).GetString() == "Tổng cộng");
        var figures = Enumerable.Range(2, 5).Select(c => (int)total.Cell(c).GetDouble()).ToArray();
        Assert.Equal([all.Count, settled, inWriting, 0, withdrawnOrMerged], figures);
        Assert.Equal(figures[0], figures[1] + figures[2] + figures[4]);
        Assert.DoesNotContain("Đang xử lý trước buổi đối thoại", string.Join("|", ws.Row(4).CellsUsed().Select(c => c.GetString())));
    }

    [Fact]
    public async Task Before_the_session_the_summary_counts_open_petitions_as_before_the_session()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id, "A");
        await WorkflowData.PetitionAsync(host, d.Id, "B");
        using var ms = new MemoryStream();
        await host.Get<ReportService>().WriteAsync(CoreTestHost.Secretary, d.Id, ReportKind.Summary, ms);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
        var total = wb.Worksheet("Theo thôn").RowsUsed().Single(r => r.Cell(1).GetString() == "Tổng cộng");
        Assert.Equal([2, 0, 0, 0, 2, 0], Enumerable.Range(2, 6).Select(c => (int)total.Cell(c).GetDouble()));
    }
}
