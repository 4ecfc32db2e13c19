using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using MudBlazor;
using PhoChau.Core.Departments;
using System.Text.Json;

namespace PhoChau.Portal.Features.Hall;

/// <summary>The secretary's laptop in the hall: registration in seconds from the keyboard, the queue, the minutes.</summary>
public partial class SecretaryConsole
{
    [Inject] private PetitionQuery PetitionQuery { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private SpeakerRequestService Requests { get; set; } = default!;
    [Inject] private VillageService Villages { get; set; } = default!;
    private IReadOnlyList<string> _villages = [];

    private SpeakerInput _input = new();
    private IReadOnlyList<PetitionRow> _allPetitions = [];
    private int? _dragId, _minutesFor;
    private string? _summary, _answerGiven;
    private IReadOnlyList<SpeakerRequest> _pending = [];
    private IReadOnlyDictionary<int, string> _callBack = new Dictionary<int, string>();
    private KeyShortcuts? _shortcuts;
    private bool _restored, _confirmingOpen;
    private string? _openReason;

    private DateOnly Today => VietnamTime.Today(Clock);

    /// <summary>Opening on another day than the announced one (a rehearsal, a session moved at short notice).</summary>
    private bool OffDay => State?.SessionDate is { } announced && announced != Today;

    private async Task OpenAsync()
    {
        if (await RunAsync(() => Session.OpenSessionAsync(Actor, Id, OffDay ? _openReason : null)))
        {
            _confirmingOpen = false;
            await ReloadAsync();
        }
    }

    protected override async Task OnActorReadyAsync()
    {
        await base.OnActorReadyAsync();
        await LoadPendingAsync();
        _villages = (await Villages.ListAsync(includeInactive: false)).Select(v => v.Name).ToList();
        _allPetitions = (await PetitionQuery.FindAsync(Actor, new PetitionFilter { DialogueId = Id, Sort = PetitionSort.Code, Take = 200 })).Rows;
    }

    private async Task EnterAdds(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey) await AddAsync();
    }

    private async Task AddAsync()
    {
        var typed = _input;
        if (await RunAsync(() => Queue.RegisterAsync(Actor, Id, typed)))
        {
            _input = new SpeakerInput();
            _restored = false;
            await JS.InvokeVoidAsync("phochau.clearDraft", DraftForm);
            await ReloadAsync();
        }
        // Keyboard entry: the next name goes straight in; after an error the typed values stay.
        await JS.InvokeVoidAsync("phochau.focus", "speaker-name");
    }

    /// <summary>Phone registrations waiting: reloaded whenever one arrives or another operator decides one.</summary>
    protected override Task OnRequestsChangedAsync() => LoadPendingAsync();

    private async Task LoadPendingAsync()
    {
        try
        {
            _pending = await Requests.PendingAsync(Actor, Id);
            _callBack = await Requests.CallBackNumbersAsync(Actor, Id);
        }
        catch (Exception ex)
        {
            ShowFailure(ex); // the last list stays on screen
        }
    }

    private async Task AcceptAsync(int requestId)
    {
        await HallActAsync(async () =>
        {
            await Requests.AcceptAsync(Actor, requestId);
            Snackbar.Add(H["Requests.Accepted"], Severity.Success);
        });
        await LoadPendingAsync();
        await ReloadAsync();
    }

    private async Task RejectAsync(int requestId)
    {
        await HallActAsync(async () =>
        {
            await Requests.RejectAsync(Actor, requestId);
            Snackbar.Add(H["Requests.Rejected"], Severity.Info);
        });
        await LoadPendingAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _shortcuts = await KeyShortcuts.AttachAsync(JS, OnShortcut);
        await RestoreDraftAsync();
    }

    /// <summary>The browser's copy of a registration typed and not yet added (app.js keeps it as it is typed).</summary>
    private string DraftForm => $"hall-{Id}";

    private string Draft(string field) => $"{DraftForm}:{field}";

    private async Task RestoreDraftAsync()
    {
        var json = await JS.InvokeAsync<string?>("phochau.loadDraft", DraftForm);
        if (string.IsNullOrEmpty(json)) return;
        var draft = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        if (draft.Values.All(string.IsNullOrWhiteSpace)) return;
        // Only into an empty form: what the operator is typing now is never overwritten.
        if (!string.IsNullOrWhiteSpace(_input.Name) || !string.IsNullOrWhiteSpace(_input.NewPetitionText)) return;
        _input.Name = draft.GetValueOrDefault("name") ?? "";
        _input.VillageOrOrganisation = draft.GetValueOrDefault("from") ?? "";
        _input.Topic = draft.GetValueOrDefault("topic") ?? "";
        _input.NewPetitionText = draft.GetValueOrDefault("petition");
        _restored = true;
        StateHasChanged();
    }

    private async Task DiscardDraftAsync()
    {
        _input = new SpeakerInput();
        _restored = false;
        await JS.InvokeVoidAsync("phochau.clearDraft", DraftForm);
    }

    /// <summary>One key, outside the typing fields: A accepts the oldest phone registration, R rejects it.</summary>
    private Task OnShortcut(string key) => InvokeAsync(async () =>
    {
        if (_pending.Count == 0) return;
        if (key == "A") await AcceptAsync(_pending[0].Id);
        else if (key == "R") await RejectAsync(_pending[0].Id);
        else return;
        StateHasChanged();
    });

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_shortcuts is not null) await _shortcuts.DisposeAsync();
    }

    private async Task DropAsync(int waitingIndex)
    {
        if (_dragId is not { } id || waitingIndex < 0 || State is null) return;
        _dragId = null;
        await HallActAsync(() => Queue.MoveAsync(Actor, Id, id, waitingIndex, State.Version));
    }

    private void EditMinutes(QueueEntry entry)
    {
        _minutesFor = _minutesFor == entry.SpeakerId ? null : entry.SpeakerId;
        (_summary, _answerGiven) = (entry.Summary, entry.AnswerGiven);
    }

    private async Task SaveMinutesAsync(int speakerId)
    {
        if (await RunAsync(() => Queue.RecordMinutesAsync(Actor, Id, speakerId, _summary, _answerGiven), L["Common.Saved"]))
            _minutesFor = null;
    }

    private static string RowClass(QueueEntry e) => e.Status switch
    {
        SpeakerStatus.Speaking => "hall-speaking",
        SpeakerStatus.Done => "hall-done",
        SpeakerStatus.Absent or SpeakerStatus.Withdrawn => "hall-gone",
        _ => "",
    };
}
