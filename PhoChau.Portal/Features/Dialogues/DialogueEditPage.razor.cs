using PhoChau.Core.Records;
using PhoChau.Core.Resources;
using PhoChau.Core.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Portal.Features.Citizens;
using MudBlazor;
using System.Text.Json;

namespace PhoChau.Portal.Features.Dialogues;

public partial class DialogueEditPage
{
    [Parameter] public int? Id { get; set; }
    [Inject] private DialogueService Dialogues { get; set; } = default!;
    [Inject] private DeadlineService Deadlines { get; set; } = default!;
    [Inject] private DepartmentService Departments { get; set; } = default!;
    [Inject] private CommuneProfileService Commune { get; set; } = default!;
    [Inject] private ClusterSessions ClusterSessions { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private PublicAddress Public { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<PetitionsText> T { get; set; } = default!;

    private DialogueInput _input = new();
    private Dialogue? _dialogue;
    private IReadOnlyList<Department> _departments = [];
    private IReadOnlyList<(DialogueDeadline Deadline, DueStatus? Status)> _deadlines = [];
    private string _title = "", _announcement = "";
    private readonly Dictionary<int, int> _days = new();
    private string? _planDate, _sessionDate, _startTime, _requestDate;
    private VotersRequestCheck? _votersCheck;
    private IReadOnlyList<ClusterSession> _clusters = [];
    private int _clustersVersion; // a new key after each load: the panel reads its villages again
    private bool _canEdit, _editable, _loaded;
    private int? _loadedId;

    protected override async Task OnActorReadyAsync()
    {
        _canEdit = Actor.Allows(Permission.ManageWorkflow);
        _departments = await Departments.ListAsync();
        await LoadAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page shows another dialogue (e.g. after "new" is saved): load it.
        if (!_loaded || _loadedId == Id) return;
        try { await LoadAsync(); }
        catch (NotFoundException) { Navigation.NotFound(); }
    }

    private async Task LoadAsync()
    {
        _loaded = true;
        _loadedId = Id;
        if (Id is not { } id)
        {
            var profile = await Commune.GetAsync();
            var year = VietnamTime.Today(Clock).Year;
            _input = new DialogueInput
            {
                // The title the plan and every paper carry: Vietnamese, whatever the browser speaks.
                Title = CoreText.Format(CoreText.Vietnamese, "Dialogues.DefaultTitle", year),
                Year = year, Venue = profile.HallName, ChairName = profile.ChairmanName,
            };
            _editable = _canEdit;
            _pristine = Snapshot();
            return;
        }
        _dialogue = await Dialogues.GetAsync(id);
        _input = DialogueInput.From(_dialogue, await Dialogues.ParticipantIdsAsync(id));
        _title = _dialogue.Title;
        _planDate = _input.PlanDate is { } plan ? VietnameseDates.Format(plan) : null;
        _sessionDate = _input.SessionDate is { } date ? VietnameseDates.Format(date) : null;
        _startTime = _input.StartTime is { } time ? VietnameseDates.Format(time) : null;
        _requestDate = _input.VotersRequestDate is { } asked ? VietnameseDates.Format(asked) : null;
        _votersCheck = await Dialogues.VotersRequestAsync(id);
        _editable = _canEdit && DialogueStateMachine.IsEditable(_dialogue.State);
        _deadlines = await Dialogues.DeadlinesAsync(id);
        _clusters = await ClusterSessions.ListAsync(id);
        _clustersVersion++;
        _announcement = DialogueAnnouncement.Compose(_dialogue, await Commune.GetAsync(), _clusters, Public.BaseUrl(new Uri(Nav.Uri)));
    }

    [Inject] private DialogueInputValidator Validator { get; set; } = default!;
    private MudForm? _form;

    /// <summary>The new form as it was opened: Save on it unchanged creates nothing (issue 33.6).</summary>
    private string? _pristine;
    private bool _nothingToSave;

    private string Snapshot() => JsonSerializer.Serialize(new { _input, _planDate, _sessionDate, _startTime, _requestDate });

    private async Task SaveAsync()
    {
        _nothingToSave = Id is null && Snapshot() == _pristine;
        if (_nothingToSave) return;
        if (!await FormIsValidAsync(_form)) return;
        // An empty field clears the value; one that cannot be read is refused, never saved as empty.
        if (!TryRead(_planDate, out var planDate)) { Refuse(nameof(DialogueInput.PlanDate), L["Dates.Invalid"]); return; }
        if (!TryRead(_sessionDate, out var sessionDate)) { Refuse(nameof(DialogueInput.SessionDate), L["Dates.Invalid"]); return; }
        if (!TryRead(_requestDate, out var requestDate)) { Refuse(nameof(DialogueInput.VotersRequestDate), L["Dates.Invalid"]); return; }
        TimeOnly? startTime = null;
        if (!string.IsNullOrWhiteSpace(_startTime))
        {
            if (!VietnameseDates.TryParseTime(_startTime, out var t))
            {
                Refuse(nameof(DialogueInput.StartTime), L["Dates.TimeInvalid"]);
                return;
            }
            startTime = t;
        }
        _input.PlanDate = planDate;
        _input.SessionDate = sessionDate;
        _input.StartTime = startTime;
        _input.VotersRequestDate = requestDate;
        if (Id is { } id)
        {
            await RunAndReloadAsync(() => Dialogues.UpdateAsync(Actor, id, _dialogue!.Version, _input), LoadAsync, inline: true);
            return;
        }
        Dialogue? created = null;
        if (await RunAsync(async () => created = await Dialogues.CreateAsync(Actor, _input), L["Common.Saved"], inline: true))
            Navigation.NavigateTo($"/dialogues/{created!.Id}");
    }

    /// <summary>A deadline of this dialogue allows another number of working days; its due date is counted again.</summary>
    private async Task SetDaysAsync(int deadlineId)
    {
        if (await RunAndReloadAsync(() => Deadlines.SetWorkingDaysAsync(Actor, deadlineId, _days[deadlineId]), LoadAsync))
            _days.Remove(deadlineId);
    }

    private Task MoveAsync(DialogueState to) => RunAndReloadAsync(() => Dialogues.MoveAsync(Actor, _dialogue!.Id, to), LoadAsync);

    private async Task CopyAsync()
    {
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", _announcement);
        Snackbar.Add(T["Dialogues.Copied"], Severity.Info);
    }

    private static bool TryRead(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!VietnameseDates.TryParse(text, out var d)) return false;
        date = d;
        return true;
    }
}
