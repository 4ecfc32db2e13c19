using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
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
        await host.Get<HallSessionService>().OpenSessionAsync(CoreTestHost.Secretary, d.Id, "Dời lịch sớm theo chỉ đạo của Huyện ủy"); // three weeks early
        await outcomes.AssignAsync(CoreTestHost.Chairman, settled.Id, land);
        await outcomes.SettleAsync(CoreTestHost.Chairman, settled.Id, "Trả kết quả ngày 10/3/2026.", "Công chức Địa chính");
        await outcomes.NotSettledAsync(CoreTestHost.Chairman, notSettled.Id, land);
        await host.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");
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
        Assert.Equal(Planned, (await db.Dialogues.SingleAsync(x => x.Id == d.Id)).SessionDate); // the announced date stays (issue 33.4)
        Assert.Equal(Held, (await db.Dialogues.SingleAsync(x => x.Id == d.Id)).HeldOn());
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

        // One date everywhere: the day it was held; the planned one only where the minutes say why it moved (issue 33.4).
        var whyMoved = $"đã được thông báo tổ chức ngày {Planned:dd/MM/yyyy}; khai mạc vào ngày khác vì: Dời lịch sớm theo chỉ đạo của Huyện ủy";
        Assert.Contains(whyMoved, minutes);
        foreach (var text in new[] { report, minutes.Replace(whyMoved, ""), notice })
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

    /// <summary>
    /// Issue 33.1: a petition never given a department keeps the minutes, the notice and the report from going out (each
    /// refusal names it); once the chair gives it one after the session it is answered in writing by the replies' deadline,
    /// the papers go out, and every paper and workbook gives the same figures.
    /// </summary>
    [Fact]
    public async Task No_paper_goes_out_with_an_undecided_petition_and_once_settled_all_papers_and_workbooks_agree()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await ArrangeAsync(host);
        Petition dung;
        await using (var db = host.NewDb()) dung = await db.Petitions.AsNoTracking().SingleAsync(p => p.DialogueId == d.Id && p.PetitionerName == "Phạm Thị Dung");
        var issuing = host.Get<IssuingService>();
        var after = host.Get<AfterSessionService>();
        const string Base = "http://192.168.1.10:5000";

        foreach (var kind in new[] { DocumentKind.Minutes, DocumentKind.Notice, DocumentKind.ResultsReport })
        {
            var refused = await Assert.ThrowsAsync<UnfinishedPaperException>(() => issuing.IssueAsync(CoreTestHost.Secretary, d.Id, kind, "9/XX-UBND", Held, Base));
            var line = Assert.Single(refused.Lines);
            Assert.Equal((dung.Id, dung.Code), (line.PetitionId, line.Code));
            Assert.Contains($"{dung.Code}: chưa giao bộ phận", refused.Message);
        }
        Assert.Empty(await issuing.VersionsAsync(CoreTestHost.Secretary, d.Id)); // nothing issued
        var notice = await after.DraftNoticeAsync(CoreTestHost.Secretary, d.Id);
        Assert.Contains("(chưa giao bộ phận)", notice.Content);
        await Assert.ThrowsAsync<UnfinishedPaperException>(() => after.ApproveNoticeAsync(CoreTestHost.Chairman, notice.Id, notice.Version));
        var minutes = await after.DraftMinutesAsync(CoreTestHost.Secretary, d.Id);
        await Assert.ThrowsAsync<UnfinishedPaperException>(() => after.FinaliseMinutesAsync(CoreTestHost.Secretary, minutes.Id, minutes.Version));
        Assert.Equal([dung.Code], (await after.UndecidedAsync(d.Id)).Select(l => l.Code));

        // Settled after the session: the chair gives it a department, and it is answered in writing by the replies' deadline.
        await host.Get<PetitionService>().AssignAsync(CoreTestHost.Chairman, dung.Id, dung.Version, await WorkflowData.DepartmentIdAsync(host));
        await using (var db = host.NewDb())
        {
            var settledLater = await db.Petitions.AsNoTracking().SingleAsync(p => p.Id == dung.Id);
            var due = await db.DialogueDeadlines.Where(x => x.DialogueId == d.Id && x.Key == DeadlineKeys.Replies).Select(x => x.DueDate).SingleAsync();
            Assert.Equal((PetitionState.NotSettled, (DateOnly?)due), (settledLater.State, settledLater.ReplyDueDate));
        }
        Assert.Empty(await after.UndecidedAsync(d.Id));
        // The notice drafted before still says "(chưa giao bộ phận)": a line with a gap, until it is drafted again.
        notice = (await after.NoticeAsync(d.Id)).Notice!;
        var gap = await Assert.ThrowsAsync<UnfinishedPaperException>(() => after.ApproveNoticeAsync(CoreTestHost.Chairman, notice.Id, notice.Version));
        Assert.Null(Assert.Single(gap.Lines).PetitionId);
        Record record;
        await using (var db = host.NewDb()) record = new(await SessionRecordReader.ReadAsync(db, d.Id, default));
        await after.SaveNoticeAsync(CoreTestHost.Secretary, notice.Id, notice.Version, MinutesComposer.Notice(record.Value));
        notice = (await after.NoticeAsync(d.Id)).Notice!;
        await after.ApproveNoticeAsync(CoreTestHost.Chairman, notice.Id, notice.Version);
        minutes = (await after.MinutesVersionsAsync(d.Id)).First();
        await after.SaveMinutesAsync(CoreTestHost.Secretary, minutes.Id, minutes.Version, MinutesComposer.Minutes(record.Value));
        minutes = (await after.MinutesVersionsAsync(d.Id)).First();
        await after.FinaliseMinutesAsync(CoreTestHost.Secretary, minutes.Id, minutes.Version);
        foreach (var kind in Enum.GetValues<DocumentKind>()) // all five papers, the plan and the announcement with them
            await issuing.IssueAsync(CoreTestHost.Secretary, d.Id, kind, $"{(int)kind + 1}/XX-UBND", Held, Base);
        Assert.Equal(5, (await issuing.VersionsAsync(CoreTestHost.Secretary, d.Id)).Count);

        // One count everywhere: 5 petitions, 1 settled at the session, 3 in writing (all with a department now), 1 withdrawn.
        const int Total = 5, Settled = 1, InWriting = 3, Withdrawn = 1;
        var report = await DocumentTextAsync(host, d.Id, DocumentKind.ResultsReport);
        Assert.Contains($"Giải quyết tại buổi đối thoại: {Settled} kiến nghị.", report);
        Assert.Contains($"giao trả lời bằng văn bản: {InWriting} kiến nghị;", report);
        var minutesText = await DocumentTextAsync(host, d.Id, DocumentKind.Minutes);
        Assert.Contains($"2. Kiến nghị chưa giải quyết, giao trả lời bằng văn bản: {InWriting}.", minutesText);
        Assert.DoesNotContain("chưa giao bộ phận", minutesText);
        var noticeText = await DocumentTextAsync(host, d.Id, DocumentKind.Notice);
        Assert.Equal(InWriting, System.Text.RegularExpressions.Regex.Count(noticeText, @"- KN-\d{4}-\d{3} của"));

        var reports = host.Get<ReportService>();
        var summary = await WorkbookAsync(reports, d.Id, ReportKind.Summary);
        var sum = summary.Worksheet("Theo lĩnh vực").RowsUsed().Single(r => r.Cell(1).GetString() == "Tổng cộng");
        Assert.Equal([Total, Settled, InWriting, Withdrawn], new[] { 2, 3, 4, 6 }.Select(c => (int)sum.Cell(c).GetDouble()));
        var followUp = await WorkbookAsync(reports, d.Id, ReportKind.FollowUp);
        var rows = followUp.Worksheet("Theo dõi trả lời").RowsUsed().ToList();
        Assert.DoesNotContain(rows, r => r.Cell(1).GetString() == SessionRecord.NotAssigned);
        var fu = rows.Single(r => r.Cell(1).GetString() == "Tổng cộng");
        var (assigned, atSession, onTime, late, overdue, pending) = ((int)fu.Cell(2).GetDouble(), (int)fu.Cell(3).GetDouble(), (int)fu.Cell(4).GetDouble(),
            (int)fu.Cell(5).GetDouble(), (int)fu.Cell(6).GetDouble(), (int)fu.Cell(7).GetDouble());
        Assert.Equal((Settled + InWriting, Settled, InWriting), (assigned, atSession, onTime + late + overdue + pending));
        var register = await WorkbookAsync(reports, d.Id, ReportKind.PetitionRegister);
        var states = register.Worksheets.First().Column(register.Worksheets.First().RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString() == "Trạng thái"))
                .CellsUsed().First(c => c.GetString() == "Trạng thái").Address.ColumnNumber)
            .CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(Settled, states.Count(s => s == PetitionStateMachine.DocumentStateName(PetitionState.SettledAtSession)));
        Assert.Equal(InWriting, states.Count(s => s == PetitionStateMachine.DocumentStateName(PetitionState.NotSettled)));
        Assert.Equal(0, states.Count(s => s == PetitionStateMachine.DocumentStateName(PetitionState.Received)));
    }

    /// <summary>A holder, so the record read in a using block outlives it.</summary>
    private sealed record Record(SessionRecord Value);

    private static async Task<XLWorkbook> WorkbookAsync(ReportService reports, int dialogueId, ReportKind kind)
    {
        var ms = new MemoryStream();
        await reports.WriteAsync(CoreTestHost.Secretary, dialogueId, kind, ms);
        ms.Position = 0;
        return new XLWorkbook(ms);
    }
}
