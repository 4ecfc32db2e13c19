using PhoChau.Core.Auditing;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Citizens;
using PhoChau.Core.Common;
using PhoChau.Core.Documents;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Citizens;

public sealed class PublicLookupTests
{
    [Fact]
    public async Task A_petition_recorded_by_hand_gets_a_six_digit_PIN_kept_only_as_a_hash()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);

        Assert.Matches(@"^\d{6}$", p.IssuedPin);
        var stored = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.NotNull(stored.PinHash);
        Assert.DoesNotContain(p.IssuedPin!, stored.PinHash);
        await using var db = host.NewDb();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Petition" && a.EntityId == p.Id.ToString()).ToListAsync();
        Assert.DoesNotContain(audit.SelectMany(a => a.Changes), c => c.Field == "PinHash" || c.New == p.IssuedPin);
        Assert.Contains(audit.SelectMany(a => a.Changes), c => c.Field == "PinIssuedAtUtc");
    }

    /// <summary>Issue 32.9: guesses that arrive together are each counted and audited; none is a server error.</summary>
    [Fact]
    public async Task Forty_wrong_PINs_at_once_are_each_counted_and_audited_none_fails_and_no_more_than_the_lock_allows_are_answered()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var lookup = host.Get<PublicLookupService>();
        var wrong = p.IssuedPin == "000000" ? "000001" : "000000";
        var version = (await WorkflowData.ReloadAsync(host, p.Id)).Version;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            try { return await lookup.LookupAsync(p.Code, wrong) is null ? "not found" : "found"; }
            catch (PinLockedException) { return "locked"; }
        })));

        Assert.All(outcomes, o => Assert.Contains(o, new[] { "not found", "locked" }));
        // A guess answered "not found" was checked, so it was counted: no more of them than the lock allows.
        Assert.InRange(outcomes.Count(o => o == "not found"), 1, PublicLookupService.MaxPinFailures - 1);
        var reloaded = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.InRange(reloaded.PinFailures, PublicLookupService.MaxPinFailures, 40);
        Assert.NotNull(reloaded.PinLockedAtUtc);
        Assert.Equal(version, reloaded.Version); // what staff saw is not made stale by guesses
        await using var db = host.NewDb();
        var changes = (await db.AuditEntries.Where(a => a.EntityType == "Petition" && a.EntityId == p.Id.ToString()).ToListAsync())
            .SelectMany(a => a.Changes).ToList();
        Assert.Equal(reloaded.PinFailures, changes.Count(c => c.Field == "PinFailures" && c.Old is not null));
    }

    [Fact]
    public async Task Wrong_PINs_on_one_code_from_anywhere_lock_it_until_staff_issue_a_new_PIN_and_all_is_audited()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var lookup = host.Get<PublicLookupService>();
        var wrong = p.IssuedPin == "000000" ? "000001" : "000000";

        // Guesses from as many addresses as one likes: the count is the code's, not an address's.
        for (var i = 1; i < PublicLookupService.MaxPinFailures; i++) Assert.Null(await lookup.LookupAsync(p.Code, wrong));
        var locked = await Assert.ThrowsAsync<PinLockedException>(() => lookup.LookupAsync(p.Code, wrong));
        Assert.Contains("liên hệ Bộ phận một cửa", locked.Message);
        // Now even the right PIN opens nothing, and rating is refused the same way.
        await Assert.ThrowsAsync<PinLockedException>(() => lookup.LookupAsync(p.Code, p.IssuedPin));
        await Assert.ThrowsAsync<PinLockedException>(() => lookup.RateAsync(p.Code, p.IssuedPin, Satisfaction.Satisfied, null));

        await using (var db = host.NewDb())
        {
            var changes = (await db.AuditEntries.Where(a => a.EntityType == "Petition" && a.EntityId == p.Id.ToString()).ToListAsync())
                .SelectMany(a => a.Changes).ToList();
            Assert.Equal(PublicLookupService.MaxPinFailures, changes.Count(c => c.Field == "PinFailures" && c.Old is not null));
            Assert.Contains(changes, c => c.Field == "PinLockedAtUtc" && c.New is not null);
        }

        // The secretary prints a new receipt: a new PIN, and the code opens again.
        var receipt = await host.Get<ReceiptService>().IssueAsync(CoreTestHost.Secretary, p.Id);
        Assert.NotNull(await lookup.LookupAsync(p.Code, receipt.Pin));
        var reloaded = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal((0, (DateTime?)null), (reloaded.PinFailures, reloaded.PinLockedAtUtc));
    }

    [Fact]
    public async Task The_right_PIN_clears_earlier_slips()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var lookup = host.Get<PublicLookupService>();
        var wrong = p.IssuedPin == "000000" ? "000001" : "000000";
        for (var round = 0; round < 3; round++)
        {
            for (var i = 1; i < PublicLookupService.MaxPinFailures; i++) Assert.Null(await lookup.LookupAsync(p.Code, wrong));
            Assert.NotNull(await lookup.LookupAsync(p.Code, p.IssuedPin)); // a citizen's typo or two never locks them out
        }
    }

    [Fact]
    public async Task The_right_code_and_PIN_open_the_petition_and_a_wrong_PIN_a_wrong_code_or_a_missing_one_give_the_same_nothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var lookup = host.Get<PublicLookupService>();

        var found = await lookup.LookupAsync(p.Code.ToLowerInvariant(), " " + p.IssuedPin + " ");
        Assert.NotNull(found);
        Assert.Equal(p.Code, found!.Code);
        var wrongPin = p.IssuedPin == "000000" ? "000001" : "000000";
        foreach (var (code, pin) in new[] { (p.Code, wrongPin), ("KN-2026-999", p.IssuedPin!), ("KN-2026-999", wrongPin), ("", ""), (p.Code, "12345"), (p.Code, "abcdef"), ("HN-9999-1", p.IssuedPin!) })
            Assert.Null(await lookup.LookupAsync(code, pin));
    }

    [Fact]
    public async Task Printing_the_receipt_again_issues_a_new_PIN_and_the_old_one_stops_working()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var receipt = await host.Get<ReceiptService>().IssueAsync(CoreTestHost.Secretary, p.Id);

        Assert.Matches(@"^\d{6}$", receipt.Pin);
        Assert.Equal((p.Code, d.Title, "Ủy ban nhân dân xã Phổ Châu"), (receipt.Code, receipt.DialogueTitle, receipt.CommitteeName));
        Assert.Equal(new DateOnly(2026, 2, 20), receipt.ReceivedOn);
        Assert.NotNull(receipt.AnswerDue); // the plan's answers deadline of the dialogue
        Assert.Contains("07 ngày làm việc", receipt.DeadlineRule);
        var lookup = host.Get<PublicLookupService>();
        if (receipt.Pin != p.IssuedPin) Assert.Null(await lookup.LookupAsync(p.Code, p.IssuedPin));
        Assert.NotNull(await lookup.LookupAsync(p.Code, receipt.Pin));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<ReceiptService>().IssueAsync(CoreTestHost.Viewer, p.Id));
        await using var db = host.NewDb();
        // The staff's last change (the citizen's wrong-PIN try and the reset are audited under "công dân").
        var reissue = (await db.AuditEntries.Where(a => a.EntityType == "Petition" && a.EntityId == p.Id.ToString()).ToListAsync()).Last(a => a.UserName != "công dân");
        Assert.Equal(("thuky", AuditAction.Updated), (reissue.UserName, reissue.Action)); // the reissue is audited, without the PIN
        Assert.Contains(reissue.Changes, c => c.Field == "Pin" && c.New == "******");
        Assert.DoesNotContain(reissue.Changes, c => c.New == receipt.Pin || c.Field == "PinHash");
    }

    [Fact]
    public async Task The_receipt_docx_is_valid_and_carries_the_code_the_PIN_the_deadline_and_the_QR_code_of_the_lookup()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        var receipt = await host.Get<ReceiptService>().IssueAsync(CoreTestHost.Secretary, p.Id);
        using var ms = new MemoryStream();

        receipt.WriteDocx(ms, "http://192.168.1.10:5080/");

        ms.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(ms, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        foreach (var expected in new[] { "PHIẾU TIẾP NHẬN", p.Code, receipt.Pin, "20/02/2026", "07 ngày làm việc", $"http://192.168.1.10:5080/tra-cuu?ma={p.Code}" })
            Assert.Contains(expected, text);
        var image = Assert.Single(doc.MainDocumentPart.ImageParts);
        using var png = new MemoryStream();
        image.GetStream().CopyTo(png);
        Assert.Equal(QrCodes.Png($"http://192.168.1.10:5080/tra-cuu?ma={p.Code}", 10), png.ToArray());
    }

    [Fact]
    public async Task The_public_view_never_holds_a_name_a_phone_an_address_an_ID_number_an_internal_comment_or_a_draft()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var input = WorkflowData.Input(d.Id, "Đinh Thị Riêng Tư");
        input.Phone = "0912345678";
        input.Address = "Số 7 đường Bí Mật";
        input.IdCardNumber = "049099988877";
        var petitions = host.Get<PetitionService>();
        var p = await petitions.CreateAsync(CoreTestHost.Secretary, input);
        var dept = await WorkflowData.DepartmentIdAsync(host);
        await petitions.AssignAsync(CoreTestHost.Secretary, p.Id, p.Version, dept);
        var v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;
        await petitions.SubmitAnswerAsync(WorkflowData.OfficerOf(dept), p.Id, v, "DỰ THẢO NỘI BỘ chưa duyệt");
        v = (await WorkflowData.ReloadAsync(host, p.Id)).Version;
        await petitions.ReturnAnswerAsync(CoreTestHost.Chairman, p.Id, v, "GHI CHÚ NỘI BỘ của chủ tịch");

        var view = await host.Get<PublicLookupService>().LookupAsync(p.Code, p.IssuedPin);
        var json = JsonSerializer.Serialize(view);
        foreach (var secret in new[] { "Đinh Thị Riêng Tư", "0912345678", "Bí Mật", "049099988877", "DỰ THẢO NỘI BỘ", "GHI CHÚ NỘI BỘ", "chutich", "canbo" })
            Assert.DoesNotContain(secret, json);
        Assert.Null(view!.Answer);
        Assert.Equal("Địa chính - Nông nghiệp - Xây dựng và Môi trường", view.Department);
        Assert.Contains("bộ phận", view.Status);
    }

    [Fact]
    public async Task The_approved_answer_and_the_reply_sent_are_shown_and_the_citizen_rates_the_reply_once()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, open) = await ConcludedSession.ArrangeAsync(host);
        var pin = (await host.Get<ReceiptService>().IssueAsync(CoreTestHost.Secretary, open.Id)).Pin;
        var lookup = host.Get<PublicLookupService>();
        Assert.False((await lookup.LookupAsync(open.Code, pin))!.CanRate);
        await Assert.ThrowsAsync<DomainException>(() => lookup.RateAsync(open.Code, pin, Satisfaction.Satisfied, null)); // before a reply

        var follow = host.Get<FollowUpService>();
        var officer = WorkflowData.OfficerOf(open.LeadDepartmentId!.Value);
        await follow.DraftReplyAsync(officer, open.Id, (await WorkflowData.ReloadAsync(host, open.Id)).Version, "Xã sẽ sửa đường trong quý III.");
        var draft = await lookup.LookupAsync(open.Code, pin);
        Assert.Null(draft!.Reply); // a draft is never public
        await follow.ApproveReplyAsync(CoreTestHost.Chairman, open.Id, (await WorkflowData.ReloadAsync(host, open.Id)).Version);
        await follow.RecordSentAsync(CoreTestHost.Secretary, open.Id, (await WorkflowData.ReloadAsync(host, open.Id)).Version, new DateOnly(2026, 3, 2), ReplyChannel.ByHand);

        var sent = await lookup.LookupAsync(open.Code, pin);
        Assert.Equal("Xã sẽ sửa đường trong quý III.", sent!.Reply);
        Assert.True(sent.CanRate);
        await lookup.RateAsync(open.Code, pin, Satisfaction.Neutral, "Cần nhanh hơn <script>alert(1)</script>");
        var ex = await Assert.ThrowsAsync<DomainException>(() => lookup.RateAsync(open.Code, pin, Satisfaction.Satisfied, null));
        Assert.Contains("đã được đánh giá", ex.Message);
        await Assert.ThrowsAsync<DomainException>(() => lookup.RecordAsync(CoreTestHost.Secretary, open.Id, Satisfaction.Satisfied, "qua điện thoại"));
        await Assert.ThrowsAsync<NotFoundException>(() => lookup.RateAsync(open.Code, pin == "000000" ? "000001" : "000000", Satisfaction.Satisfied, null));
        var after = await lookup.LookupAsync(open.Code, pin);
        Assert.Equal((Satisfaction?)Satisfaction.Neutral, after!.Rating);
        Assert.False(after.CanRate);
        await using var db = host.NewDb();
        Assert.Equal("Cần nhanh hơn <script>alert(1)</script>", (await db.PetitionRatings.SingleAsync()).Comment); // kept as text
    }

    [Fact]
    public async Task The_secretary_records_a_rating_given_by_phone_and_the_figures_count_it_by_department_and_field()
    {
        await using var host = await CoreTestHost.StartAsync();
        var (d, _, open) = await ConcludedSession.ArrangeAsync(host);
        var follow = host.Get<FollowUpService>();
        var officer = WorkflowData.OfficerOf(open.LeadDepartmentId!.Value);
        await follow.DraftReplyAsync(officer, open.Id, (await WorkflowData.ReloadAsync(host, open.Id)).Version, "Trả lời.");
        await follow.ApproveReplyAsync(CoreTestHost.Chairman, open.Id, (await WorkflowData.ReloadAsync(host, open.Id)).Version);
        await follow.RecordSentAsync(CoreTestHost.Secretary, open.Id, (await WorkflowData.ReloadAsync(host, open.Id)).Version, new DateOnly(2026, 3, 2), ReplyChannel.ByHand);
        await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<PublicLookupService>().RecordAsync(CoreTestHost.Viewer, open.Id, Satisfaction.Satisfied, null));

        await host.Get<PublicLookupService>().RecordAsync(CoreTestHost.Secretary, open.Id, Satisfaction.Satisfied, "Qua điện thoại");

        var figures = await host.Get<SatisfactionService>().FiguresAsync(CoreTestHost.Secretary, d.Id);
        var dept = Assert.Single(figures.ByDepartment);
        Assert.Equal((1, 0, 0, 1, 0), (dept.Satisfied, dept.Neutral, dept.Unsatisfied, dept.RepliedOnTime, dept.RepliedLate));
        Assert.Equal(1.0, dept.SatisfiedShare);
        Assert.Equal("Khác", Assert.Single(figures.ByField).Name);
        Assert.Equal((1, 1), (Assert.Single(figures.ByQuarter).Rated, figures.ByQuarter[0].Satisfied));
    }
}
