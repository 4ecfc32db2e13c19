using PhoChau.Core.AfterSession;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Calendar;
using PhoChau.Core.Citizens;
using PhoChau.Core.Commune;
using PhoChau.Core.Common;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Province;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Province;

/// <summary>
/// Many communes on one database: each sees only its own records, enforced by the one filter of the database context.
/// A user of commune B asking for commune A's dialogue, petition, attachment, report, document, session or template by
/// id gets not-found (or an empty list) and learns nothing.
/// </summary>
public sealed class CommuneIsolationTests
{
    private static readonly Actor ProvinceAdmin = new("p-admin", "tinh", new HashSet<string> { Roles.ProvinceAdministrator });
    private static readonly Actor ProvinceViewer = new("p-view", "tinhxem", new HashSet<string> { Roles.ProvinceViewer });

    public static CommuneInput NewCommune(string code = "PHOTHANH", string admin = "quantri.phothanh") => new()
    {
        Code = code, CommuneName = "xã Phổ Thạnh", CommitteeName = "Ủy ban nhân dân xã Phổ Thạnh", PlaceName = "Phổ Thạnh",
        SuperiorBody = "UBND tỉnh Quảng Ngãi", ChairmanName = "Nguyễn Văn Bình", AdminUserName = admin, AdminFullName = "Trần Thị Quản Trị",
        AdminPassword = "Matkhau2026",
    };

    [Fact]
    public async Task A_province_administrator_creates_a_commune_with_its_departments_and_first_administrator()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        await using var host = await CoreTestHost.StartAsync();
        var province = host.Get<ProvinceService>();
        var id = await province.CreateCommuneAsync(ProvinceAdmin, NewCommune());
        Assert.NotEqual(CommuneScope.Default, id);

        var communes = await province.ListCommunesAsync(ProvinceViewer);
        Assert.Equal([CommuneScope.Default, id], communes.Select(c => c.Id));
        Assert.Equal(1, communes.Single(c => c.Id == id).Accounts);

        using (CommuneScope.Enter(id))
        {
            Assert.Equal("Ủy ban nhân dân xã Phổ Thạnh", (await host.Get<CommuneProfileService>().GetAsync()).CommitteeName);
            Assert.Equal(ReferenceUnits.Departments.Count + ReferenceUnits.ParticipatingBodies.Count, (await host.Get<DepartmentService>().ListAsync()).Count);
            var admin = Actor("admin2", Roles.Administrator);
            Assert.Equal(["quantri.phothanh"], (await host.Get<UserAdminService>().ListAsync(admin)).Select(u => u.UserName));
        }
        // Commune 1 keeps its own: its profile, its accounts (not the new commune's administrator).
        Assert.Equal("Ủy ban nhân dân xã Phổ Châu", (await host.Get<CommuneProfileService>().GetAsync()).CommitteeName);
        Assert.DoesNotContain((await host.Get<UserAdminService>().ListAsync(CoreTestHost.Admin)), u => u.UserName == "quantri.phothanh");
    }

    [Theory]
    [InlineData("PHOCHAU", "x", "Matkhau2026", "quantri.moi", "Mã xã")]     // a code of the wrong form
    [InlineData("PHOTHANH", "x", "ngan", "quantri.moi", "ít nhất 8 ký tự")]  // a password Identity refuses
    [InlineData("PHOTHANH", "x", "Matkhau2026", "admin", "đã được sử dụng")] // a user name taken in another commune
    public async Task Bad_communes_are_refused_in_Vietnamese_and_nothing_is_kept(string code, string _, string password, string admin, string message)
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        await using var host = await CoreTestHost.StartAsync();
        var province = host.Get<ProvinceService>();
        var input = NewCommune(code == "PHOCHAU" ? "phochau" : code, admin);
        input.AdminPassword = password;
        var ex = await Assert.ThrowsAnyAsync<DomainException>(() => province.CreateCommuneAsync(ProvinceAdmin, input));
        Assert.Contains(message, ex.Message);
        Assert.Single(await province.ListCommunesAsync(ProvinceAdmin));
    }

    [Fact]
    public async Task Only_the_province_administrator_creates_communes_and_a_province_viewer_changes_nothing()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        await using var host = await CoreTestHost.StartAsync();
        var province = host.Get<ProvinceService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => province.CreateCommuneAsync(ProvinceViewer, NewCommune()));
        await Assert.ThrowsAsync<ForbiddenException>(() => province.CreateCommuneAsync(CoreTestHost.Admin, NewCommune()));
        await Assert.ThrowsAsync<ForbiddenException>(() => province.FiguresAsync(CoreTestHost.Chairman, 2026));
        // Outside any commune, a province account reaches no commune's records and may change none.
        using (CommuneScope.Enter(CommuneScope.None))
        {
            Assert.Empty(await host.Get<DialogueService>().ListAsync());
            await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<DialogueService>().CreateAsync(ProvinceViewer, new DialogueInput { Title = "x", Year = 2026, Venue = "x" }));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.Get<DepartmentService>().AddAsync(ProvinceAdmin, "Phòng mới", UnitKind.Department));
        }
    }

    [Fact]
    public async Task A_user_of_another_commune_asking_by_id_gets_not_found_and_learns_nothing()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        await using var host = await CoreTestHost.StartAsync();
        var other = await host.Get<ProvinceService>().CreateCommuneAsync(ProvinceAdmin, NewCommune());

        // Commune 1's records: a dialogue in session with a speaker, a petition with an attachment, a template, a correction, a request.
        var village = await WorkflowData.VillageAsync(host);
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id, villageId: village.Id);
        var attachment = await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, p.Id, AttachmentPurpose.Petition, "don.pdf", new MemoryStream("%PDF-1.4 test"u8.ToArray()));
        var template = await host.Get<AnswerTemplateService>().SaveAsync(CoreTestHost.Secretary, new AnswerTemplateInput { Title = "Mẫu", Body = "Kính gửi {ten}", Field = PetitionField.Other });
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        await host.Get<PhoChau.Core.Speakers.HallSessionService>().OpenSessionAsync(CoreTestHost.Secretary, d.Id, "Diễn tập");
        await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Người nói", VillageOrOrganisation = "Thôn Vĩnh Tuy" });
        var request = await host.Get<SpeakerRequestService>().SubmitAsync(d.Id, new SpeakerRequestInput { Consent = true, Name = "Người xin nói", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Đường" });
        var pin = (await host.Get<ReceiptService>().IssueAsync(CoreTestHost.Secretary, p.Id)).Pin;
        var departmentOfA = await WorkflowData.DepartmentIdAsync(host);
        var correction = await host.Get<CalendarService>().AddCorrectionAsync(CoreTestHost.Admin,
            new CalendarAdjustment(new DateOnly(2026, 10, 7), CalendarDayKind.DayOff, "Nghỉ bù", "Quyết định của UBND"));
        var speakerOfA = (await host.Get<SpeakerQueueService>().GetStateAsync(d.Id)).Queue.Single().SpeakerId;
        var stateOfA = await host.Get<SpeakerQueueService>().GetStateAsync(d.Id);
        var adminOfA = (await host.Get<UserAdminService>().ListAsync(CoreTestHost.Admin)).Single(u => u.UserName == "admin").Id;

        using (CommuneScope.Enter(other))
        {
            var secretary = CoreTestHost.Secretary;
            async Task NotFound(Func<Task> call, string what)
            {
                var ex = await Record.ExceptionAsync(call);
                Assert.True(ex is NotFoundException, $"{what}: {ex?.GetType().Name ?? "no exception"} {ex?.Message}");
                Assert.DoesNotContain(p.PetitionerName, ex!.Message);
                Assert.DoesNotContain(d.Title, ex.Message);
            }
            await NotFound(() => host.Get<DialogueService>().GetAsync(d.Id), "dialogue");
            await NotFound(() => host.Get<DialogueService>().DeadlinesAsync(d.Id), "deadlines");
            await NotFound(() => host.Get<DialogueService>().MoveAsync(secretary, d.Id, DialogueState.Concluded), "dialogue state");
            await NotFound(() => host.Get<PetitionService>().GetAsync(secretary, p.Id), "petition");
            await NotFound(() => host.Get<AttachmentService>().OpenAsync(secretary, attachment.Id), "attachment");
            await NotFound(() => host.Get<AttachmentService>().AddAsync(secretary, p.Id, AttachmentPurpose.Petition, "x.pdf", new MemoryStream("%PDF-1.4 x"u8.ToArray())), "attachment upload");
            await NotFound(() => host.Get<SpeakerQueueService>().GetStateAsync(d.Id), "session");
            await NotFound(() => host.Get<SpeakerQueueService>().RegisterAsync(secretary, d.Id, new SpeakerInput { Name = "Kẻ lạ" }), "registration");
            await NotFound(() => host.Get<SpeakerQueueService>().CallNextAsync(secretary, d.Id, null), "next speaker");
            await NotFound(() => host.Get<SpeakerRequestService>().AcceptAsync(secretary, request.Id), "phone request");
            await NotFound(() => host.Get<SpeakerQueueService>().MarkAsync(secretary, d.Id, speakerOfA, SpeakerStatus.Absent, stateOfA.Version), "speaker absent");
            await NotFound(() => host.Get<SpeakerQueueService>().PointOfOrderAsync(secretary, d.Id, speakerOfA, stateOfA.Version), "point of order");
            await NotFound(() => host.Get<SpeakerRequestService>().RejectAsync(secretary, request.Id), "phone request rejected");
            await NotFound(() => host.Get<DepartmentService>().RenameAsync(CoreTestHost.Admin, departmentOfA, "Đổi tên"), "department rename");
            await NotFound(() => host.Get<VillageService>().SetActiveAsync(CoreTestHost.Admin, village.Id, false), "village");
            await NotFound(() => host.Get<CalendarService>().RevokeCorrectionAsync(CoreTestHost.Admin, correction.Id), "calendar correction");
            await NotFound(() => host.Get<AnswerTemplateService>().SaveAsync(secretary, new AnswerTemplateInput { Id = template.Id, Version = template.Version, Title = "Đổi", Body = "x" }), "template");
            var chair = CoreTestHost.Chairman;
            await NotFound(() => host.Get<DialogueService>().UpdateAsync(secretary, d.Id, d.Version, new DialogueInput { Title = "Đổi", Year = 2026, Venue = "x" }), "dialogue edit");
            await NotFound(() => host.Get<PetitionService>().UpdateAsync(secretary, p.Id, p.Version, new PetitionInput { Consent = true, DialogueId = d.Id, PetitionerName = "x", Text = "x", Field = PetitionField.Other, ReceivedOn = new DateOnly(2026, 3, 1) }), "petition edit");
            await NotFound(() => host.Get<PetitionService>().AssignAsync(chair, p.Id, p.Version, departmentOfA), "petition assignment");
            await NotFound(() => host.Get<PetitionService>().SubmitAnswerAsync(secretary, p.Id, p.Version, "x"), "answer");
            await NotFound(() => host.Get<PetitionService>().ApproveAnswerAsync(chair, p.Id, p.Version), "answer approval");
            await NotFound(() => host.Get<PetitionService>().ReturnAnswerAsync(chair, p.Id, p.Version, "x"), "answer returned");
            await NotFound(() => host.Get<PetitionService>().WithdrawAsync(secretary, p.Id, p.Version), "withdrawal");
            await NotFound(() => host.Get<PetitionService>().MergeAsync(secretary, p.Id, p.Version, p.Id + 1), "merge");
            await NotFound(() => host.Get<SessionOutcomeService>().SettleAsync(chair, p.Id, "x", "x"), "settled at the session");
            await NotFound(() => host.Get<SessionOutcomeService>().NotSettledAsync(chair, p.Id, departmentOfA), "not settled");
            await NotFound(() => host.Get<FollowUpService>().ApproveReplyAsync(chair, p.Id, 1), "reply approval");
            await NotFound(() => host.Get<FollowUpService>().RecordSentAsync(secretary, p.Id, 1, new DateOnly(2026, 3, 1), ReplyChannel.Post), "reply sent");
            await NotFound(() => host.Get<FollowUpService>().CloseAsync(secretary, p.Id, 1), "closing");
            await NotFound(() => host.Get<SpeakerQueueService>().MoveAsync(secretary, d.Id, speakerOfA, 0, stateOfA.Version), "speaker moved");
            await NotFound(() => host.Get<SpeakerQueueService>().RecordMinutesAsync(secretary, d.Id, speakerOfA, "x", "x"), "speaker minutes");
            await NotFound(() => host.Get<HallSessionService>().ConcludeAsync(chair, d.Id, "Kết luận"), "conclusion");
            await NotFound(() => host.Get<AfterSessionService>().DraftMinutesAsync(secretary, d.Id), "minutes");
            await NotFound(() => host.Get<AfterSessionService>().DraftNoticeAsync(secretary, d.Id), "notice");
            await NotFound(() => host.Get<UserAdminService>().SetActiveAsync(CoreTestHost.Admin, adminOfA, false), "account");
            await NotFound(() => host.Get<UserAdminService>().ResetPasswordAsync(CoreTestHost.Admin, adminOfA, "Matkhau2027"), "password reset");
            await NotFound(() => host.Get<SessionOutcomeService>().AssignAsync(CoreTestHost.Chairman, p.Id, departmentOfA), "assignment");
            await NotFound(() => host.Get<FollowUpService>().DraftReplyAsync(secretary, p.Id, 1, "x"), "written reply");
            await NotFound(() => host.Get<ReceiptService>().IssueAsync(secretary, p.Id), "receipt");
            foreach (var kind in Enum.GetValues<ReportKind>())
                await NotFound(() => host.Get<ReportService>().WriteAsync(secretary, d.Id, kind, new MemoryStream()), $"report {kind}");
            foreach (var kind in Enum.GetValues<DocumentKind>())
                await NotFound(() => host.Get<DocumentService>().WriteAsync(secretary, d.Id, kind, new MemoryStream()), $"document {kind}");

            Assert.Empty(await host.Get<DialogueService>().ListAsync());
            Assert.Equal(0, (await host.Get<PetitionQuery>().FindAsync(secretary, new PetitionFilter())).Total);
            Assert.Equal(0, (await host.Get<PetitionQuery>().FindAsync(secretary, new PetitionFilter { Search = p.PetitionerName })).Total);
            Assert.Empty(await host.Get<SpeakerRequestService>().PendingAsync(secretary, d.Id));
            Assert.Null(await host.Get<SpeakerRequestService>().SessionAsync(d.Id));
            Assert.Null(await host.Get<PublicLookupService>().LookupAsync(p.Code, pin));
            Assert.Empty(await host.Get<AnswerTemplateService>().ListAsync(secretary));
            Assert.Empty(await host.Get<AfterSessionService>().MinutesVersionsAsync(d.Id));
            Assert.Empty(await host.Get<CalendarService>().ListCorrectionsAsync(2026));
            // Its calendar is its own: commune A's day off is a working day here.
            Assert.True((await host.Get<CalendarService>().GetCalendarAsync()).IsWorkingDay(new DateOnly(2026, 10, 7)));
            Assert.DoesNotContain(await host.Get<DepartmentService>().ListAsync(), x => x.Id == departmentOfA);
            Assert.DoesNotContain(await host.Get<VillageService>().ListAsync(), v => v.Id == village.Id);
            Assert.Empty(await host.Get<SatisfactionService>().FiguresAsync(secretary) is { } s ? s.ByDepartment.Where(l => l.Satisfied + l.Neutral + l.Unsatisfied > 0) : []);

            // Its own records are its own: the same code in each commune, each seeing one.
            var mine = await host.Get<DialogueService>().CreateAsync(secretary, new DialogueInput { Title = "Đối thoại Phổ Thạnh", Year = 2026, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15) });
            Assert.Equal([mine.Id], (await host.Get<DialogueService>().ListAsync()).Select(x => x.Id));
        }
        Assert.Equal([d.Id], (await host.Get<DialogueService>().ListAsync()).Select(x => x.Id));
        Assert.NotNull(await host.Get<PublicLookupService>().LookupAsync(p.Code, pin));
        Assert.Equal(template.Id, Assert.Single(await host.Get<AnswerTemplateService>().ListAsync(CoreTestHost.Secretary)).Id);
    }

    [Fact]
    public async Task The_province_viewer_reads_each_communes_figures_and_none_of_a_citizens_data()
    {
        CommuneScope.Set(CommuneScope.Default); // the test's own arranging and reading works as commune 1, by name
        await using var host = await CoreTestHost.StartAsync();
        var province = host.Get<ProvinceService>();
        var other = await province.CreateCommuneAsync(ProvinceAdmin, NewCommune());
        var village = await WorkflowData.VillageAsync(host);
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.PetitionAsync(host, d.Id, villageId: village.Id);
        await WorkflowData.PetitionAsync(host, d.Id, "Lê Thị Bình", villageId: village.Id);
        using (CommuneScope.Enter(other))
        {
            var v2 = await WorkflowData.VillageAsync(host, "Thôn Phổ Thạnh");
            var d2 = await WorkflowData.DialogueAsync(host);
            await WorkflowData.PetitionAsync(host, d2.Id, villageId: v2.Id);
        }

        var figures = await province.FiguresAsync(ProvinceViewer, d.Year);
        Assert.Equal(2, figures.Communes.Single(c => c.CommuneId == CommuneScope.Default).Received);
        Assert.Equal(1, figures.Communes.Single(c => c.CommuneId == other).Received);
        Assert.Equal(3, figures.Fields.Sum(f => f.Received));

        using var xlsx = new MemoryStream();
        ProvinceService.WriteXlsx(figures, xlsx);
        xlsx.Position = 0;
        using var wb = new ClosedXML.Excel.XLWorkbook(xlsx);
        var text = string.Join("|", wb.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetFormattedString()));
        Assert.Contains("xã Phổ Thạnh", text);
        Assert.DoesNotContain("Nguyễn Văn An", text);
        Assert.DoesNotContain("Lê Thị Bình", text);
    }

    private static Actor Actor(string name, string role) => new(name + "-id", name, new HashSet<string> { role });
}
