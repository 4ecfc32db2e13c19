using PhoChau.Core.Common;
using PhoChau.Core.Choices;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.PersonalData;

/// <summary>Consent recorded at intake — the staff form, the import, the phone form — with the purpose shown, when and by whom (issue 19.8).</summary>
public sealed class ConsentTests
{
    [Fact]
    public async Task The_staff_form_saves_a_petition_only_with_consent_and_records_when_by_whom_and_the_purpose_shown()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        var petitions = host.Get<PetitionService>();
        var input = WorkflowData.Input(d.Id, "Lê Thị Hoa");
        input.Consent = false;

        var refused = await Assert.ThrowsAsync<DomainException>(() => petitions.CreateAsync(CoreTestHost.Secretary, input));
        Assert.Contains("Cần có sự đồng ý", refused.Message);

        input.Consent = true;
        var p = await WorkflowData.ReloadAsync(host, (await petitions.CreateAsync(CoreTestHost.Secretary, input)).Id);
        Assert.Equal((host.Clock.GetUtcNow().UtcDateTime, "thuky"), (p.ConsentAtUtc, p.ConsentBy));
        Assert.Equal(Consent.Purpose, p.ConsentPurpose);
        Assert.Contains("91/2025/QH15", p.ConsentPurpose);
        Assert.Contains("2 ngày làm việc", p.ConsentPurpose);

        // An edit keeps the consent as it was given.
        host.Clock.Advance(TimeSpan.FromDays(1));
        var edit = PetitionInput.From(p);
        edit.Text = "Nội dung đã sửa.";
        await petitions.UpdateAsync(CoreTestHost.Chairman, p.Id, p.Version, edit);
        var edited = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal((p.ConsentAtUtc, "thuky"), (edited.ConsentAtUtc, edited.ConsentBy));
    }

    [Fact]
    public async Task A_petition_raised_aloud_at_the_session_is_recorded_without_consent_and_its_consent_is_recorded_when_given()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var state = await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, d.Id,
            new SpeakerInput { Name = "Võ Văn Nói", VillageOrOrganisation = "Thôn Tân Hy", NewPetitionText = "Đường ngập nước." });
        var raised = (await host.Get<PetitionQuery>().FindAsync(CoreTestHost.Secretary, new PetitionFilter { DialogueId = d.Id })).Rows.Single();
        var p = await WorkflowData.ReloadAsync(host, raised.Id);
        Assert.Null(p.ConsentAtUtc);

        var input = PetitionInput.From(p);
        input.Consent = true;
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.Get<PetitionService>().UpdateAsync(CoreTestHost.Secretary, p.Id, p.Version, input);
        var given = await WorkflowData.ReloadAsync(host, p.Id);
        Assert.Equal((host.Clock.GetUtcNow().UtcDateTime, "thuky", Consent.Purpose), (given.ConsentAtUtc!.Value, given.ConsentBy, given.ConsentPurpose));
        Assert.NotNull(state);
    }

    [Fact]
    public async Task The_phone_form_needs_the_box_ticked_and_records_the_citizens_consent()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await HallData.OpenSessionAsync(host);
        var requests = host.Get<SpeakerRequestService>();
        var input = new SpeakerRequestInput { Name = "Hồ Thị Điện", VillageOrOrganisation = "Thôn Châu Me", Topic = "Đất đai", Phone = "0935222333" };

        var refused = await Assert.ThrowsAsync<DomainException>(() => requests.SubmitAsync(d.Id, input));
        Assert.Contains("Cần có sự đồng ý", refused.Message);

        input.Consent = true;
        var r = await requests.SubmitAsync(d.Id, input);
        Assert.Equal((host.Clock.GetUtcNow().UtcDateTime, "công dân", Consent.Purpose), (r.ConsentAtUtc!.Value, r.ConsentBy, r.ConsentPurpose));
    }

    [Fact]
    public async Task An_import_is_saved_only_once_the_clerk_confirms_the_written_consent_which_each_petition_records()
    {
        await using var host = await CoreTestHost.StartAsync();
        var d = await WorkflowData.DialogueAsync(host);
        await WorkflowData.VillageAsync(host);
        var import = host.Get<PetitionImport>();
        var preview = await import.PreviewAsync(CoreTestHost.Secretary, d.Id, new MemoryStream(ImportFile()));
        Assert.Equal(2, preview.ValidCount);

        var refused = await Assert.ThrowsAsync<DomainException>(() => import.ConfirmAsync(CoreTestHost.Secretary, d.Id, preview, consentConfirmed: false));
        Assert.Contains("đã đồng ý", refused.Message);
        Assert.Equal(0, await BackupData.CountAsync(host));

        await import.ConfirmAsync(CoreTestHost.Secretary, d.Id, preview, consentConfirmed: true);
        await using var db = host.NewDb();
        Assert.All(db.Petitions.ToList(), p => Assert.Equal(("thuky", Consent.Purpose), (p.ConsentBy, p.ConsentPurpose)));
    }

    private static byte[] ImportFile()
    {
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.AddWorksheet("Kiến nghị");
        var headers = ImportColumn.All.Select(c => c.Header).ToArray();
        for (var i = 0; i < headers.Length; i++) ws.Cell(1, i + 1).SetValue(headers[i]);
        string?[][] rows =
        [
            ["Phan Văn Một", "Cá nhân", "Vĩnh Tuy", null, null, null, "Qua Trưởng thôn", "20/02/2026", "Khác", null, "Đèn đường hỏng đã lâu."],
            ["Phan Thị Hai", "Cá nhân", "Vĩnh Tuy", null, null, null, "Qua Trưởng thôn", "21/02/2026", "Khác", null, "Cống thoát nước bị tắc."],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is { } v) ws.Cell(r + 2, c + 1).SetValue(v);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
