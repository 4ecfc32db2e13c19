using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using PhoChau.Core.Reports.Issuing;
using PhoChau.Core.Text;
using System.Globalization;

namespace PhoChau.Portal.Features.Reports;

/// <summary>
/// Issuing a dialogue's documents as fixed, numbered PDF versions, and signing them: the chairman's token through the
/// signing plugin, the agency's seal on the server. Each version's code opens its public check.
/// </summary>
public partial class IssuingPage
{
    [Parameter] public int Id { get; set; }
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private AfterSessionService After { get; set; } = default!;
    [Inject] private OutgoingRegisterService Register { get; set; } = default!;
    [Inject] private IOptionsMonitor<SigningOptions> Signing { get; set; } = default!;
    [Inject] private IStringLocalizer<ReportsText> R { get; set; } = default!;

    private Dialogue? _dialogue;
    private IReadOnlyList<IssuedVersion> _versions = [];
    private readonly Dictionary<DocumentKind, string?> _numbers = [];
    private readonly Dictionary<DocumentKind, string?> _dates = [];
    private bool _canIssue, _canSign, _busy;
    private readonly Dictionary<DocumentKind, (string Text, int Version, bool Saved)> _drafts = [];
    private readonly Dictionary<DocumentKind, string?> _texts = [];
    private readonly Dictionary<DocumentKind, IReadOnlyList<UnfinishedLine>> _unfinished = [];
    [Inject] private DocumentService Documents { get; set; } = default!;

    /// <summary>In the order of the work: the plan and the announcement before the session, the rest after it.</summary>
    private static readonly DocumentKind[] Order = [DocumentKind.Plan, DocumentKind.Announcement, DocumentKind.Minutes, DocumentKind.Notice, DocumentKind.ResultsReport];

    protected override async Task OnActorReadyAsync()
    {
        _canIssue = Actor.Allows(Permission.ManageWorkflow);
        _canSign = Actor.Allows(Permission.Chair);
        _dialogue = await Dialogues.GetAsync(Id);
        await LoadAsync();
        await SuggestAsync();
    }

    /// <summary>
    /// Each paper's number and date from the commune's outgoing register (issue 33.2): the one it was issued with, the
    /// plan's own from the dialogue, or the year's next free number and today.
    /// </summary>
    private async Task SuggestAsync()
    {
        foreach (var k in Enum.GetValues<DocumentKind>())
        {
            var suggested = await Register.SuggestAsync(Id, k);
            _numbers[k] = suggested.NumberAndSymbol;
            _dates[k] = VietnameseDates.Format(suggested.Date);
        }
    }

    private async Task LoadAsync()
    {
        _versions = await Issuing.VersionsAsync(Actor, Id);
        foreach (var k in Order.Where(PaperCheck.Applies)) _unfinished[k] = await Documents.UnfinishedAsync(Actor, Id, k);
        foreach (var k in Order.Where(DocumentService.IsDrafted))
        {
            _drafts[k] = await Documents.DraftAsync(Actor, Id, k);
            _texts[k] = _drafts[k].Text;
        }
    }

    private Task SaveDraftAsync(DocumentKind k) => RunAndReloadAsync(() => Documents.SaveDraftAsync(Actor, Id, k, _texts[k], _drafts[k].Version), LoadAsync);

    private Task ResetDraftAsync(DocumentKind k) => RunAndReloadAsync(() => Documents.SaveDraftAsync(Actor, Id, k, null, _drafts[k].Version), LoadAsync);

    private Task DownloadDraftAsync(DocumentKind k) => DownloadFileAsync(ReportEndpoints.DocumentUrl(Id, k, PaperFormat.Docx), DocumentService.FileName(k, Id));

    private static Color StateColour(IssuedState s) => s switch { IssuedState.Sealed => Color.Success, IssuedState.Signed => Color.Info, _ => Color.Warning };

    private const string IssuedOnField = "IssuedOn";

    /// <summary>A field of one paper's issuing form: each paper is its own form on this page.</summary>
    private IReadOnlyDictionary<string, object> RefusalOf(DocumentKind kind, string field, object? value) => RefusalOf($"{kind}.{field}", value);

    private Task IssueAsync(DocumentKind kind)
    {
        if (!VietnameseDates.TryParse(_dates[kind], out var on))
        {
            Refuse($"{kind}.{IssuedOnField}", R["Issuing.BadDate"]);
            return Task.CompletedTask;
        }
        var publicBase = new Uri(Navigation.BaseUri).GetLeftPart(UriPartial.Authority);
        return RunAndReloadAsync(() => Issuing.IssueAsync(Actor, Id, kind, _numbers[kind] ?? "", on, publicBase), async () =>
        {
            await LoadAsync();
            await SuggestAsync(); // the next papers' numbers move on
        }, form: kind.ToString());
    }

    private Task DownloadPackAsync() => DownloadFileAsync($"/dialogues/{Id}/ho-so.zip", EvidencePackService.FileName(Id));

    private Task DownloadAsync(IssuedVersion v) => DownloadFileAsync(IssuingEndpoints.VersionUrl(v.Id), $"{v.Kind}-{v.VersionNumber}.pdf");

    /// <summary>The browser fetches the file with the user's cookie and saves it; a failure is said on the page.</summary>
    private async Task DownloadFileAsync(string url, string fileName)
    {
        try { await JS.InvokeVoidAsync("phochau.download", url, fileName); }
        catch (JSException ex) { Snackbar.Add(ex.Message, Severity.Error); }
    }

    /// <summary>The plugin fetches the file with a one-time ticket, signs it with the token and posts it back; the page then reloads.</summary>
    private async Task SignWithTokenAsync(IssuedVersion v)
    {
        _busy = true;
        try
        {
            PluginOffer? offer = null;
            if (!await RunAsync(async () => offer = await Plugin.OfferToPluginAsync(Actor, v.Id))) return;
            var origin = new Uri(Navigation.BaseUri).GetLeftPart(UriPartial.Authority);
            var prms = new Dictionary<string, string>
            {
                ["FileUploadHandler"] = origin + IssuingEndpoints.PluginUploadUrl(offer!.Ticket),
                ["SessionId"] = "",
                ["FileName"] = origin + IssuingEndpoints.PluginFileUrl(offer.Ticket),
                ["DocNumber"] = offer.DocNumber,
                ["IssuedDate"] = offer.IssuedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00",
            };
            var answer = await JS.InvokeAsync<string>("phochau.signWithPlugin", Signing.CurrentValue.PluginScriptUrl, prms);
            using var json = JsonDocument.Parse(answer);
            var status = json.RootElement.TryGetProperty("Status", out var st) && st.TryGetInt32(out var code) ? code : -1;
            var message = json.RootElement.TryGetProperty("Message", out var m) ? m.GetString() : null;
            if (status == -1) Snackbar.Add(R["Issuing.NoPlugin"], Severity.Warning);
            else if (status != 0) Snackbar.Add(string.Format(R["Issuing.PluginFailed"], message), Severity.Error);
            await LoadAsync();
            if (_versions.FirstOrDefault(x => x.Id == v.Id)?.State == IssuedState.Signed) Snackbar.Add(R["Issuing.Signed"], Severity.Success);
        }
        catch (Exception ex) when (ex is JSException or JsonException)
        {
            Snackbar.Add(string.Format(R["Issuing.PluginFailed"], ex.Message), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SealAsync(IssuedVersion v)
    {
        _busy = true;
        try { await RunAndReloadAsync(() => Issuing.SealAsync(Actor, v.Id), LoadAsync); }
        finally { _busy = false; }
    }
}
