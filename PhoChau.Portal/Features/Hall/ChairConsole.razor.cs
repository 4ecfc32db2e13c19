using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Records;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Features.Hall;

/// <summary>The projected console: the current speaker and the countdown, the next ones, and one-click decisions.</summary>
public partial class ChairConsole
{
    [Inject] private DepartmentService Departments { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private DialogueService Dialogues { get; set; } = default!;
    [Inject] private ClusterSessions Clusters { get; set; } = default!;

    /// <summary>The clusters' side-by-side view, when this session is a dialogue by clusters or one of its clusters.</summary>
    private int? _board;

    private IReadOnlyList<Department> _departments = [];
    private readonly Dictionary<int, string?> _answers = new();
    private readonly Dictionary<int, string?> _answeredBy = new();
    private string? _conclusion;
    private bool _confirmingEnd, _preview;
    private IReadOnlyList<(int Id, string Code, string PetitionerName)> _unassigned = [];
    private KeyShortcuts? _shortcuts;

    protected override bool ShowsTimer => true;

    protected override async Task OnActorReadyAsync()
    {
        _departments = (await Departments.ListAsync(includeInactive: false)).Where(d => d.Kind == UnitKind.Department).ToList();
        var dialogue = await Dialogues.GetAsync(Id);
        _board = dialogue.ParentId ?? ((await Clusters.ListAsync(Id)).Count > 0 ? Id : null);
        await base.OnActorReadyAsync();
    }

    /// <summary>Only the current speaker's petitions are on the projector.</summary>
    protected override IReadOnlyCollection<int> PetitionIdsToShow(HallState state) => state.Current?.PetitionIds ?? [];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender) _shortcuts = await KeyShortcuts.AttachAsync(JS, OnShortcut);
    }

    private Task OnShortcut(string key) => InvokeAsync(key switch
    {
        "N" => NextAsync,
        "E" => EndAsync,
        _ => () => Task.CompletedTask,
    });

    private string TimerClass => SecondsLeft < 0 ? "over" : SecondsLeft <= 30 ? "warning" : "";

    private async Task NextAsync()
    {
        if (State is null) return;
        await HallActAsync(() => Queue.CallNextAsync(Actor, Id, State.Version));
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task EndAsync()
    {
        await HallActAsync(() => Queue.EndCurrentAsync(Actor, Id));
        await ReloadAsync();
        StateHasChanged();
    }

    /// <summary>Ending asks first, saying who still waits to speak and which petitions still have no department.</summary>
    private async Task ConfirmEndAsync()
    {
        _unassigned = await Outcomes.UnassignedAsync(Id);
        _confirmingEnd = true;
    }

    private async Task ConcludeAsync()
    {
        _confirmingEnd = false;
        await HallActAsync(() => Session.ConcludeAsync(Actor, Id, _conclusion));
        await ReloadAsync();
    }

    private Task SettleAsync(SessionPetition p) =>
        HallActAsync(() => Outcomes.SettleAsync(Actor, p.PetitionId, _answers.GetValueOrDefault(p.PetitionId), _answeredBy.GetValueOrDefault(p.PetitionId)));

    protected override async ValueTask DisposeOwnAsync()
    {
        if (_shortcuts is not null) await _shortcuts.DisposeAsync();
    }
}
