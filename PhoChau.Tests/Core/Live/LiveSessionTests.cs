using PhoChau.Core.Common;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Live;

/// <summary>
/// Issue 35: what the public live page shows of the hall. A speaker is named only when they agreed to it (else a number
/// and their village); the petitions taken show their department, never who raised them; no page for a session not
/// announced, cancelled or unknown.
/// </summary>
public sealed class LiveSessionTests
{
    [Fact]
    public async Task A_speaker_is_named_only_with_consent_and_the_petitions_show_their_department_not_their_petitioner()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var queue = host.Get<SpeakerQueueService>();
        await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Trần Văn Kín", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Đất đai", NewPetitionText = "Cấp giấy chứng nhận quyền sử dụng đất chậm",
        });
        var state = await queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Lê Thị Công Khai", VillageOrOrganisation = "Thôn Châu Me", Topic = "Hộ tịch", NamedPublicly = true,
        });
        await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, state.Version);
        var petitionId = state.Queue.Single(q => q.Name == "Trần Văn Kín").PetitionIds.Single();
        await host.Get<SessionOutcomeService>().AssignAsync(CoreTestHost.Chairman, petitionId, await WorkflowData.DepartmentIdAsync(host));

        var live = await host.Get<LiveSessionService>().GetAsync(d.Id);

        Assert.NotNull(live);
        Assert.Equal("Người phát biểu số 1 — Thôn Vĩnh Tuy", live.Speaking?.Label);
        Assert.Equal(["Lê Thị Công Khai — Thôn Châu Me"], live.Next.Select(n => n.Label));
        var petition = Assert.Single(live.Petitions);
        Assert.Equal("Địa chính - Nông nghiệp - Xây dựng và Môi trường", petition.Department);
        Assert.DoesNotContain("Trần Văn Kín", System.Text.Json.JsonSerializer.Serialize(live));
    }

    [Fact]
    public async Task A_phone_request_carries_its_consent_to_be_named_into_the_queue_and_the_live_page()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var named = await requests.SubmitAsync(d.Id, new SpeakerRequestInput
        {
            Consent = true, NamedPublicly = true, Name = "Đặng Văn Mở", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Hộ tịch",
        });
        var unnamed = await requests.SubmitAsync(d.Id, new SpeakerRequestInput
        {
            Consent = true, Name = "Đặng Thị Kín", VillageOrOrganisation = "Thôn Tân Hy", Topic = "Đất đai",
        });
        await requests.AcceptAsync(CoreTestHost.Secretary, named.Id);
        await requests.AcceptAsync(CoreTestHost.Secretary, unnamed.Id);

        var live = await host.Get<LiveSessionService>().GetAsync(d.Id);

        Assert.Equal(["Đặng Văn Mở — Thôn Tân Hy", "Người phát biểu số 2 — Thôn Tân Hy"], live!.Next.Select(n => n.Label));
    }

    [Fact]
    public async Task Once_concluded_the_page_gives_the_conclusion_and_the_results_address_with_the_communes_code()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var live = host.Get<LiveSessionService>();
        Assert.Null((await live.GetAsync(d.Id))!.Conclusion); // not before it is read
        await host.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        await using (var db = host.NewDb())
        {
            db.CommuneProfiles.Single().Code = "pho-chau";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var over = await live.GetAsync(d.Id);

        Assert.True(over!.IsOver);
        Assert.Equal("Các bộ phận trả lời bằng văn bản đúng hạn.", over.Conclusion);
        Assert.Equal("/ket-qua?xa=pho-chau", over.ResultsAddress); // a province's server needs the code
    }

    [Fact]
    public async Task The_minutes_say_who_was_heard_from_afar()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var request = await requests.SubmitAsync(d.Id, new SpeakerRequestInput
        {
            Consent = true, FollowsOnline = true, Phone = "0935 444 555", Name = "Võ Văn Xa Nhà", VillageOrOrganisation = "Thôn Phước Thạnh", Topic = "Đường vào thôn",
        });
        await requests.AcceptAsync(CoreTestHost.Secretary, request.Id);
        await HallData.RegisterAsync(host, d.Id, "Nguyễn Văn Tại Chỗ");
        var queue = host.Get<SpeakerQueueService>();
        await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        await host.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");

        var minutes = (await host.Get<PhoChau.Core.AfterSession.AfterSessionService>().DraftMinutesAsync(CoreTestHost.Secretary, d.Id)).Content;

        Assert.Contains("(2 người đã phát biểu, trong đó 1 người phát biểu trực tuyến)", minutes);
        Assert.Contains("Võ Văn Xa Nhà (Thôn Phước Thạnh, phát biểu trực tuyến): Đường vào thôn", minutes);
        Assert.Contains("Nguyễn Văn Tại Chỗ (Thôn Vĩnh Tuy): ", minutes);
    }

    /// <summary>
    /// The law's records of a dialogue held online too: the most who followed it at once (only ever raised) and those heard
    /// from afar are in the minutes, the report and the evidence pack's index; a dialogue held in person says nothing of it.
    /// </summary>
    [Fact]
    public async Task The_minutes_the_report_and_the_evidence_pack_record_the_online_audience_and_those_heard_from_afar()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 3, 2));
        var documents = host.Get<DocumentService>();
        var minutesOf = async () => (await host.Get<PhoChau.Core.AfterSession.AfterSessionService>().DraftMinutesAsync(CoreTestHost.Secretary, d.Id)).Content;
        var dialogues = host.Get<DialogueService>();
        var input = DialogueInput.From(d, []);
        input.Form = DialogueForm.InPersonAndOnline;
        input.OnlineLink = "https://zalo.me/g/phochau";
        await dialogues.UpdateAsync(CoreTestHost.Secretary, d.Id, d.Version, input);
        await dialogues.MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        await host.Get<HallSessionService>().OpenSessionAsync(CoreTestHost.Secretary, d.Id, "Diễn tập");
        var requests = host.Get<SpeakerRequestService>();
        var request = await requests.SubmitAsync(d.Id, new SpeakerRequestInput
        {
            Consent = true, FollowsOnline = true, Phone = "0935 444 555", Name = "Võ Văn Xa Nhà", VillageOrOrganisation = "Thôn Phước Thạnh", Topic = "Đường vào thôn",
        });
        await requests.AcceptAsync(CoreTestHost.Secretary, request.Id);
        await host.Get<SpeakerQueueService>().CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        var audience = host.Get<LiveAudienceService>();
        await audience.RecordAsync(d.Id, viewers: 37, listeners: 12);
        await audience.RecordAsync(d.Id, viewers: 20, listeners: 15); // fewer viewers later: the peak stays, listeners rise
        await host.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");

        var minutes = await minutesOf();
        Assert.Contains("- Hình thức: trực tiếp tại hội trường và trực tuyến qua địa chỉ https://zalo.me/g/phochau.", minutes);
        Assert.Contains("- Theo dõi trực tuyến: cao nhất 37 người cùng xem trang trực tiếp của buổi đối thoại, 15 người cùng nghe âm thanh trực tiếp.", minutes);
        Assert.Contains("trong đó 1 người phát biểu trực tuyến", minutes);
        var report = (await documents.ComposeAsync(CoreTestHost.Secretary, d.Id, DocumentKind.ResultsReport)).Body;
        Assert.Contains("- Hình thức: trực tiếp tại hội trường và trực tuyến qua địa chỉ https://zalo.me/g/phochau; số người phát biểu trực tuyến: 1.", report);
        Assert.Contains("- Theo dõi trực tuyến: cao nhất 37 người cùng xem trang trực tiếp của buổi đối thoại, 15 người cùng nghe âm thanh trực tiếp.", report);

        using var pack = new MemoryStream();
        await host.Get<EvidencePackService>().WriteAsync(CoreTestHost.Secretary, d.Id, pack);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(pack.ToArray()));
        using var index = new MemoryStream();
        await using (var entry = zip.GetEntry(EvidencePackService.IndexName)!.Open()) await entry.CopyToAsync(index);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(index.ToArray()));
        var rows = workbook.Worksheet("Trực tuyến").RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
        Assert.Equal("37", rows["Số người cùng xem trang trực tiếp cao nhất"]);
        Assert.Equal("15", rows["Số người cùng nghe âm thanh trực tiếp cao nhất"]);
        Assert.Equal("1", rows["Số người phát biểu trực tuyến"]);
        Assert.Equal("Thôn Phước Thạnh", rows["Người phát biểu trực tuyến thứ 1"]);
        Assert.DoesNotContain(rows.Values, v => v.Contains("Võ Văn Xa Nhà", StringComparison.Ordinal)); // no names in the index

        // A dialogue held in person only says nothing of an online audience.
        var inPerson = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 5, 4));
        await audience.RecordAsync(inPerson.Id, viewers: 3, listeners: 0);
        Assert.DoesNotContain((await documents.ComposeAsync(CoreTestHost.Secretary, inPerson.Id, DocumentKind.ResultsReport)).Body,
            l => l.Contains("trực tuyến", StringComparison.Ordinal));
    }

    /// <summary>
    /// A remote speaker called who is not heard within the set time is marked "không trả lời" (absent) and the chair
    /// calls the next; one whose call connected in time is not; a speaker in the hall is never "answered".
    /// </summary>
    [Fact]
    public async Task A_remote_speaker_who_does_not_answer_in_time_is_marked_and_the_chair_moves_on()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        foreach (var (name, phone) in new[] { ("Võ Văn Xa Nhà", "0935 444 555"), ("Lê Thị Ở Xa", "0935 666 777") })
        {
            var request = await requests.SubmitAsync(d.Id, new SpeakerRequestInput
            {
                Consent = true, FollowsOnline = true, Phone = phone, Name = name, VillageOrOrganisation = "Thôn Phước Thạnh", Topic = "Đường vào thôn",
            });
            await requests.AcceptAsync(CoreTestHost.Secretary, request.Id);
        }
        var state = await HallData.RegisterAsync(host, d.Id, "Nguyễn Văn Tại Chỗ");
        var queue = host.Get<SpeakerQueueService>();
        var answerTime = TimeSpan.FromSeconds(60);

        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        var first = state.Current!;
        Assert.True(first is { Remote: true, Answered: false, NoAnswer: false });
        host.Clock.Advance(TimeSpan.FromSeconds(59));
        await Assert.ThrowsAsync<DomainException>(() => queue.MarkUnansweredAsync(CoreTestHost.Secretary, d.Id, first.SpeakerId, answerTime)); // not yet
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        state = await queue.MarkUnansweredAsync(CoreTestHost.Secretary, d.Id, first.SpeakerId, answerTime);
        var marked = state.Queue.Single(q => q.SpeakerId == first.SpeakerId);
        Assert.Equal((SpeakerStatus.Absent, true), (marked.Status, marked.NoAnswer));
        Assert.Null(state.Current); // nobody speaks: the chair calls the next

        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        var second = state.Current!;
        Assert.Equal("Lê Thị Ở Xa", second.Name);
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        state = await queue.AnsweredAsync(CoreTestHost.Secretary, d.Id, second.SpeakerId); // the call connected in time
        Assert.True(state.Current!.Answered);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<DomainException>(() => queue.MarkUnansweredAsync(CoreTestHost.Secretary, d.Id, second.SpeakerId, answerTime));

        state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null);
        Assert.Equal(SpeakerStatus.Done, state.Queue.Single(q => q.SpeakerId == second.SpeakerId).Status);
        await Assert.ThrowsAsync<DomainException>(() => queue.AnsweredAsync(CoreTestHost.Secretary, d.Id, state.Current!.SpeakerId)); // in the hall
        // The minutes hear the one who answered, not the one who did not.
        await host.Get<HallSessionService>().ConcludeAsync(CoreTestHost.Chairman, d.Id, "Các bộ phận trả lời bằng văn bản đúng hạn.");
        var minutes = (await host.Get<PhoChau.Core.AfterSession.AfterSessionService>().DraftMinutesAsync(CoreTestHost.Secretary, d.Id)).Content;
        Assert.Contains("Lê Thị Ở Xa (Thôn Phước Thạnh, phát biểu trực tuyến)", minutes);
        Assert.DoesNotContain("Võ Văn Xa Nhà", minutes);
    }

    [Fact]
    public async Task An_erased_speaker_who_had_agreed_to_be_named_is_not_named_again_and_the_hall_is_told()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var seen = new List<HallChange>();
        using var _ = host.Get<HallNotifier>().Subscribe(c => { lock (seen) seen.Add(c); return Task.CompletedTask; });
        await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput
        {
            Name = "Lê Thị Hoa", VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Sổ đỏ", NamedPublicly = true,
        });
        var live = host.Get<LiveSessionService>();
        Assert.Equal("Lê Thị Hoa — Thôn Vĩnh Tuy", Assert.Single((await live.GetAsync(d.Id))!.Next).Label); // the hall's copy now holds the name
        var request = await host.Get<PhoChau.Core.PersonalData.DataRequestService>().RegisterAsync(CoreTestHost.Secretary,
            new PhoChau.Core.PersonalData.DataRequestInput
            {
                Kind = PhoChau.Core.PersonalData.DataRequestKind.Erase, RequesterName = "Lê Thị Hoa", Phone = "0912 000 111", IdCardNumber = "049188000111",
                ReceivedOn = new DateOnly(2026, 3, 2),
            });
        // The speaker is found through the petition she raised: link one, as the hall does.
        var input = WorkflowData.Input(d.Id, "Lê Thị Hoa");
        input.Phone = "0912 000 111";
        var petition = await host.Get<PetitionService>().CreateAsync(CoreTestHost.Secretary, input);
        await using (var db = host.NewDb())
        {
            db.SpeakerPetitions.Add(new SpeakerPetition { SpeakerId = db.Speakers.Single(s => s.Name == "Lê Thị Hoa").Id, PetitionId = petition.Id });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        lock (seen) seen.Clear();

        await host.Get<PhoChau.Core.PersonalData.DataRequestService>().EraseAsync(CoreTestHost.Secretary, request.Id);

        var after = await live.GetAsync(d.Id);
        Assert.DoesNotContain("Lê Thị Hoa", System.Text.Json.JsonSerializer.Serialize(after));
        Assert.DoesNotContain("Lê Thị Hoa", string.Join(",", (await host.Get<SpeakerQueueService>().GetStateAsync(d.Id)).Queue.Select(q => q.Name)));
        await Task.Delay(200, TestContext.Current.CancellationToken); // the notifier tells its subscribers off the save's thread
        lock (seen) Assert.Contains(seen, c => c.DialogueId == d.Id && c.QueueChanged);
    }

    [Fact]
    public async Task A_session_not_announced_cancelled_or_unknown_has_no_live_page()
    {
        await using var host = await CoreTestHost.StartAsync();
        var draft = await WorkflowData.DialogueAsync(host);
        var live = host.Get<LiveSessionService>();

        Assert.Null(await live.GetAsync(draft.Id));
        Assert.Null(await live.GetAsync(99_999));
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, draft.Id, DialogueState.Announced);
        Assert.NotNull(await live.GetAsync(draft.Id));
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, draft.Id, DialogueState.Cancelled);
        Assert.Null(await live.GetAsync(draft.Id));
    }

    /// <summary>
    /// The announcement (7 days before) of a dialogue held online too says how to follow it and how to ask to speak from
    /// afar, at the portal's address for phones, and carries the live page's QR code; one held in person does neither.
    /// </summary>
    [Fact]
    public async Task The_announcement_of_a_dialogue_held_online_too_gives_the_live_page_its_QR_code_and_the_phone_form()
    {
        QrReader.Require();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IPublicSite>(new Site("http://192.168.1.10:5000/")));
        var dialogues = host.Get<DialogueService>();
        var d = await WorkflowData.DialogueAsync(host, new DateOnly(2026, 4, 14));
        var documents = host.Get<DocumentService>();

        var inPerson = await documents.ComposeAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement);
        Assert.DoesNotContain(inPerson.Body, l => l.Contains("truc-tiep", StringComparison.Ordinal) || l.Contains("Theo dõi trực tuyến", StringComparison.Ordinal));
        Assert.Null(inPerson.QrCode);

        var input = DialogueInput.From(d, []);
        input.Form = DialogueForm.InPersonAndOnline;
        input.OnlineLink = "https://zalo.me/g/phochau";
        await dialogues.UpdateAsync(CoreTestHost.Secretary, d.Id, d.Version, input);
        var online = await documents.ComposeAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement);
        Assert.Contains(online.Body, l => l.StartsWith("- Theo dõi trực tuyến", StringComparison.Ordinal) && l.Contains($"http://192.168.1.10:5000/truc-tiep/{d.Id} ", StringComparison.Ordinal));
        Assert.Contains(online.Body, l => l.StartsWith("- Đăng ký phát biểu từ xa: tại", StringComparison.Ordinal)
            && l.Contains($"http://192.168.1.10:5000/sessions/{d.Id}/dang-ky", StringComparison.Ordinal) && l.Contains("Tôi theo dõi trực tuyến", StringComparison.Ordinal));
        // The draft the secretary edits says the same.
        Assert.Contains($"http://192.168.1.10:5000/truc-tiep/{d.Id} ", (await documents.DraftAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement)).Text);

        // The QR code printed on the paper opens the live page (read from the PDF's pixels, as a phone would).
        var pdf = Path.Combine(host.DataRoot, "thong-bao.pdf");
        await using (var file = File.Create(pdf))
            await documents.WriteAsync(CoreTestHost.Secretary, d.Id, DocumentKind.Announcement, file, format: PaperFormat.Pdf);
        var (_, codes) = await QrReader.DecodePdfAsync(pdf);
        Assert.Contains($"http://192.168.1.10:5000/truc-tiep/{d.Id}", codes);
    }

    private sealed class Site(string address) : IPublicSite
    {
        public string? BaseUrl() => address.TrimEnd('/');
    }
}
