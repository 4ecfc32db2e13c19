using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Common;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.PersonalData;

/// <summary>A citizen's request about their data: its deadline, every record found, handed over, corrected, erased (issue 19.8).</summary>
public sealed class DataRequestTests
{
    private const string Hoa = "Lê Thị Hoa";
    private const string HoaPhone = "0912000111";
    private const string HoaId = "049188000111";

    private sealed record Arranged(int HoaPetition, int HoaByIdOnly, int Namesake, int Speaker, int PhoneRequest, string ScanPath);

    /// <summary>
    /// Hoa: a petition with a scan (name + phone), one under another spelling with only her ID number, a speaker linked to
    /// her petition, a phone registration; a namesake with another phone who must not be touched.
    /// </summary>
    private static async Task<Arranged> ArrangeAsync(CoreTestHost host)
    {
        var d = await HallData.OpenSessionAsync(host);
        var petitions = host.Get<PetitionService>();
        var a = WorkflowData.Input(d.Id, Hoa); a.Phone = "0912 000 111"; a.IdCardNumber = null;
        var first = await petitions.CreateAsync(CoreTestHost.Secretary, a);
        var b = WorkflowData.Input(d.Id, "LE THI HOA"); b.Phone = null; b.IdCardNumber = HoaId; b.Address = "Tổ 3, thôn Vĩnh Tuy";
        var second = await petitions.CreateAsync(CoreTestHost.Secretary, b);
        var c = WorkflowData.Input(d.Id, Hoa); c.Phone = "0988777666"; c.IdCardNumber = "049188999999";
        var namesake = await petitions.CreateAsync(CoreTestHost.Secretary, c);
        var scan = await host.Get<AttachmentService>().AddAsync(CoreTestHost.Secretary, first.Id, AttachmentPurpose.Petition, "cccd.jpg", new MemoryStream(Scans.Jpeg()));
        var state = await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id,
            new SpeakerInput { Name = Hoa, VillageOrOrganisation = "Thôn Vĩnh Tuy", PetitionIds = [first.Id] });
        var request = await host.Get<SpeakerRequestService>().SubmitAsync(d.Id,
            new SpeakerRequestInput { Name = "Lê Thị Hoa", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Sổ đỏ", Phone = HoaPhone, Consent = true });
        return new Arranged(first.Id, second.Id, namesake.Id, state.Queue.Single().SpeakerId, request.Id, Path.Combine(host.AttachmentsRoot, scan.StoragePath));
    }

    private static Task<DataRequest> RegisterAsync(CoreTestHost host, DataRequestKind kind, DateOnly? on = null) =>
        host.Get<DataRequestService>().RegisterAsync(CoreTestHost.Secretary, new DataRequestInput
        {
            Kind = kind, RequesterName = "lê thị hoa", Phone = HoaPhone, IdCardNumber = HoaId, ReceivedOn = on ?? new DateOnly(2026, 3, 2),
        });

    [Theory]
    [InlineData("2026-03-06", "2026-03-10")] // a Friday: Monday and Tuesday
    [InlineData("2026-04-29", "2026-05-05")] // before 30/4 and 1/5: the holidays do not count
    public async Task A_request_is_due_two_working_days_after_it_was_received_on_the_communes_calendar(string received, string due)
    {
        await using var host = await CoreTestHost.StartAsync();
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 20, 2, 0, 0, TimeSpan.Zero));
        var r = await RegisterAsync(host, DataRequestKind.See, DateOnly.Parse(received));
        Assert.Equal(DateOnly.Parse(due), r.DueOn);
        Assert.Equal(DataRequestStatus.Open, r.Status);
    }

    [Fact]
    public async Task Every_record_of_the_person_is_found_by_name_with_phone_or_by_ID_and_handed_over_as_one_workbook()
    {
        await using var host = await CoreTestHost.StartAsync();
        var x = await ArrangeAsync(host);
        var request = await RegisterAsync(host, DataRequestKind.See);
        var service = host.Get<DataRequestService>();

        var found = await service.FindAsync(CoreTestHost.Secretary, request.Id);

        Assert.Equal([x.HoaPetition, x.HoaByIdOnly], found.Petitions.Select(p => p.Id));
        Assert.Equal([x.Speaker], found.Speakers.Select(s => s.Id));
        Assert.Equal([x.PhoneRequest], found.SpeakerRequests.Select(r => r.Id));
        Assert.Equal(1, found.Petitions[0].Scans);
        Assert.DoesNotContain(found.Petitions, p => p.Id == x.Namesake);

        using var wb = new XLWorkbook(new MemoryStream(await service.ExportAsync(CoreTestHost.Secretary, request.Id)));
        var petitions = wb.Worksheet("Kiến nghị").RangeUsed()!.Cells().Select(c => c.GetString()).ToList();
        Assert.Contains(HoaId, petitions);
        Assert.Contains(HoaPhone, petitions);
        Assert.DoesNotContain("0988777666", petitions);
        Assert.Contains(Hoa, wb.Worksheet("Phát biểu").RangeUsed()!.Cells().Select(c => c.GetString()));
        Assert.Contains(HoaPhone, wb.Worksheet("Đăng ký qua điện thoại").RangeUsed()!.Cells().Select(c => c.GetString()));

        await service.CompleteAsync(CoreTestHost.Secretary, request.Id, null);
        var done = await service.GetAsync(CoreTestHost.Secretary, request.Id);
        Assert.Equal((DataRequestStatus.Done, "thuky"), (done.Status, done.HandledBy));
        Assert.Contains("4 bản ghi", done.Outcome);
    }

    [Fact]
    public async Task A_correction_applies_to_every_record_of_the_person_and_closes_the_request()
    {
        await using var host = await CoreTestHost.StartAsync();
        var x = await ArrangeAsync(host);
        var request = await RegisterAsync(host, DataRequestKind.Correct);

        var bad = await Assert.ThrowsAsync<DomainException>(() => host.Get<DataRequestService>().CorrectAsync(CoreTestHost.Secretary, request.Id, new PersonalCorrection { Phone = "12ab" }));
        Assert.Contains("Số điện thoại", bad.Message);
        await host.Get<DataRequestService>().CorrectAsync(CoreTestHost.Secretary, request.Id, new PersonalCorrection { Name = "Lê Thị Hòa", Phone = "0912 000 222" });

        var first = await WorkflowData.ReloadAsync(host, x.HoaPetition);
        var second = await WorkflowData.ReloadAsync(host, x.HoaByIdOnly);
        Assert.Equal(("Lê Thị Hòa", "0912000222"), (first.PetitionerName, first.Phone));
        Assert.Equal(("Lê Thị Hòa", "0912000222"), (second.PetitionerName, second.Phone));
        Assert.Equal(Hoa, (await WorkflowData.ReloadAsync(host, x.Namesake)).PetitionerName);
        await using var db = host.NewDb();
        Assert.Equal("Lê Thị Hòa", (await db.Speakers.SingleAsync(s => s.Id == x.Speaker)).Name);
        Assert.Equal("0912000222", (await db.SpeakerRequests.SingleAsync(r => r.Id == x.PhoneRequest)).Phone);
        Assert.Equal(DataRequestStatus.Done, (await db.DataRequests.SingleAsync(r => r.Id == request.Id)).Status);
    }

    [Fact]
    public async Task An_erasure_anonymises_every_record_deletes_the_scans_and_leaves_no_trace_of_the_person_in_the_audit_trail()
    {
        await using var host = await CoreTestHost.StartAsync();
        var x = await ArrangeAsync(host);
        var request = await RegisterAsync(host, DataRequestKind.Erase);
        Assert.True(File.Exists(x.ScanPath));

        var count = await host.Get<DataRequestService>().EraseAsync(CoreTestHost.Secretary, request.Id);

        Assert.Equal(4, count);
        await using var db = host.NewDb();
        foreach (var id in new[] { x.HoaPetition, x.HoaByIdOnly })
        {
            var p = await db.Petitions.SingleAsync(p => p.Id == id);
            Assert.Equal(("[Đã ẩn danh]", null, null, null), (p.PetitionerName, p.Phone, p.Address, p.IdCardNumber));
            Assert.NotNull(p.AnonymisedAtUtc);
            Assert.False(string.IsNullOrEmpty(p.Text)); // the matter and the figures stay
        }
        Assert.Equal(Hoa, (await db.Petitions.SingleAsync(p => p.Id == x.Namesake)).PetitionerName); // a namesake is someone else
        Assert.Equal("[Đã ẩn danh]", (await db.Speakers.SingleAsync(s => s.Id == x.Speaker)).Name);
        Assert.Null((await db.SpeakerRequests.SingleAsync(r => r.Id == x.PhoneRequest)).Phone);
        Assert.False(File.Exists(x.ScanPath));
        Assert.Empty(await db.PetitionAttachments.Where(a => a.PetitionId == x.HoaPetition).ToListAsync());
        Assert.Equal(3, await db.Petitions.CountAsync());

        // No trace in the audit trail (its earlier entries included), nor in the request itself.
        var trail = string.Join("\n", (await db.AuditEntries.ToListAsync())
            .Where(e => e.EntityType != nameof(PhoChau.Core.Petitions.Petition) || e.EntityId != x.Namesake.ToString())
            .SelectMany(e => e.Changes).Select(c => c.Old + "|" + c.New));
        foreach (var personal in new[] { Hoa, "LE THI HOA", HoaPhone, HoaId, "Tổ 3, thôn Vĩnh Tuy", "cccd.jpg" })
            Assert.DoesNotContain(personal, trail);
        var row = await db.DataRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(("[Đã ẩn danh]", null, null, DataRequestStatus.Done), (row.RequesterName, row.Phone, row.IdCardNumber, row.Status));
        var entry = (await db.AuditEntries.Where(e => e.EntityType == nameof(DataRequest)).ToListAsync()).Last();
        Assert.Contains(entry.Changes, c => c.New is { } n && n.Contains("2 kiến nghị") && n.Contains("1 tệp"));
        // Nothing is left to find.
        Assert.Equal(0, (await host.Get<DataRequestService>().FindAsync(CoreTestHost.Secretary, request.Id)).Count);
    }

    [Fact]
    public async Task Only_the_roles_that_see_personal_data_handle_requests()
    {
        await using var host = await CoreTestHost.StartAsync();
        var request = await RegisterAsync(host, DataRequestKind.See);
        var service = host.Get<DataRequestService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ListAsync(CoreTestHost.Viewer));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.FindAsync(CoreTestHost.Officer(1), request.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ExportAsync(CoreTestHost.Viewer, request.Id));
        var invalid = await Assert.ThrowsAsync<DomainException>(() => service.RegisterAsync(CoreTestHost.Secretary,
            new DataRequestInput { Kind = DataRequestKind.See, RequesterName = "Lê Thị Hoa", ReceivedOn = new DateOnly(2026, 3, 2) }));
        Assert.Contains("số điện thoại hoặc số định danh", invalid.Message);
    }
}
