using PhoChau.Core.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PhoChau.Core.Calendar;
using PhoChau.Core.Dialogues;
using PhoChau.Core.AfterSession;
using PhoChau.Core.Reports;
using PhoChau.Core.Records;
using MudBlazor;

namespace PhoChau.Portal.Features.Reports;

/// <summary>The secretary's and the chair's work after the hall empties: the minutes and the notice of conclusions.</summary>
public partial class AfterSessionPage
{
    [Parameter] public int Id { get; set; }
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private OutgoingRegisterService Register { get; set; } = default!;
    [Inject] private IStringLocalizer<ReportsText> R { get; set; } = default!;
    [Inject] private IStringLocalizer<PetitionsText> T { get; set; } = default!;

    private Dialogue? _dialogue;
    private IReadOnlyList<Minutes> _versions = [];
    private Minutes? _current;
    private ConclusionNotice? _notice;
    private DueStatus? _due;
    private string? _minutesText, _noticeText, _number, _issuedOn;
    private bool _canManage;
    private IReadOnlyList<UnfinishedLine> _undecided = [], _minutesGaps = [], _noticeGaps = [];

    protected override async Task OnActorReadyAsync()
    {
        _canManage = Actor.Allows(Permission.ManageWorkflow);
        _issuedOn = VietnameseDates.Format(VietnamTime.Today(Clock));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _dialogue = await Dialogues.GetAsync(Id);
        _versions = await After.MinutesVersionsAsync(Id);
        _current = _versions.FirstOrDefault();
        _minutesText = _current?.Content;
        (_notice, _due) = await After.NoticeAsync(Id);
        // The notice's number: the outgoing register's next one (or the one it was issued with), as the issuing page has it.
        if (_number is null) _number = (await Register.SuggestAsync(Id, DocumentKind.Notice)).NumberAndSymbol;
        _noticeText = _notice?.Content;
        if (_dialogue?.WasHeld() != true) return;
        // Issue 33.1: the petitions still to decide, and each text's lines left with a gap (the petitions are listed once, above).
        _undecided = await After.UndecidedAsync(Id);
        _minutesGaps = _current is { IsFinal: false } ? Gaps(await After.UnfinishedAsync(Id, _current.Content, withClusters: false)) : [];
        _noticeGaps = _notice is not null ? Gaps(await After.UnfinishedAsync(Id, _notice.Content, withClusters: true)) : [];
    }

    private static IReadOnlyList<UnfinishedLine> Gaps(IReadOnlyList<UnfinishedLine> lines) => lines.Where(l => l.PetitionId is null).ToList();

    private Task DraftMinutesAsync() => RunAndReloadAsync(() => After.DraftMinutesAsync(Actor, Id), LoadAsync);

    private Task SaveMinutesAsync() => RunAndReloadAsync(() => After.SaveMinutesAsync(Actor, _current!.Id, _current.Version, _minutesText), LoadAsync);

    private async Task FinaliseAsync()
    {
        // What is on screen is saved first, so nothing typed is lost by finalising.
        if (await RunAsync(() => After.SaveMinutesAsync(Actor, _current!.Id, _current.Version, _minutesText)))
        {
            var saved = (await After.MinutesVersionsAsync(Id)).First();
            await RunAndReloadAsync(() => After.FinaliseMinutesAsync(Actor, saved.Id, saved.Version), LoadAsync);
        }
    }

    private Task DraftNoticeAsync() => RunAndReloadAsync(() => After.DraftNoticeAsync(Actor, Id), LoadAsync);

    private Task SaveNoticeAsync() => NoticeActAsync(n => After.SaveNoticeAsync(Actor, n.Id, n.Version, _noticeText));

    private Task NoticeActAsync(Func<ConclusionNotice, Task> action) => RunAndReloadAsync(() => action(_notice!), LoadAsync);

    private const string IssuedOnField = "IssuedOn";

    private Task IssueAsync()
    {
        if (!VietnameseDates.TryParse(_issuedOn, out var on))
        {
            Refuse(IssuedOnField, R["Issuing.BadDate"]);
            return Task.CompletedTask;
        }
        return NoticeActAsync(n => After.IssueNoticeAsync(Actor, n.Id, n.Version, _number, on));
    }

    private async Task DownloadAsync(DocumentKind kind, PaperFormat format = PaperFormat.Docx)
    {
        try { await JS.InvokeVoidAsync("phochau.download", ReportEndpoints.DocumentUrl(Id, kind, format), DocumentService.FileName(kind, Id, format)); }
        catch (JSException ex) { Snackbar.Add(ex.Message, Severity.Error); }
    }
}
