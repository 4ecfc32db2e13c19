using Microsoft.AspNetCore.Components;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Components.Shared;
using MudBlazor;

namespace PhoChau.Portal.Features.Hall;

/// <summary>
/// What the three hall screens share: the session's state read from the database (so a reconnect or a
/// restart shows the saved state), live updates from the notifier, and a one-second tick for the timer.
/// </summary>
public abstract class HallPageBase : PortalComponentBase, IAsyncDisposable
{
    [Parameter] public int Id { get; set; }
    [Inject] protected SpeakerQueueService Queue { get; set; } = default!;
    [Inject] protected HallSessionService Session { get; set; } = default!;
    [Inject] protected SessionOutcomeService Outcomes { get; set; } = default!;
    [Inject] protected HallNotifier Notifier { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] protected IStringLocalizer<HallText> H { get; set; } = default!;

    protected HallState? State { get; private set; }
    protected IReadOnlyList<SessionPetition> Petitions { get; private set; } = [];
    private ITimer? _tick;
    private IDisposable? _subscription;
    private int _commune;

    /// <summary>The timer ticks only on screens that show a countdown.</summary>
    protected virtual bool ShowsTimer => false;

    protected override async Task OnActorReadyAsync()
    {
        // The first load lets a missing session reach the 404 page; later reloads keep the screen and say why.
        _commune = CommuneScope.Current;
        State = await Queue.GetStateAsync(Id);
        await ReloadAsync();
        _subscription = Notifier.Subscribe(OnChangedAsync);
        if (ShowsTimer) _tick = Clock.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    protected async Task ReloadAsync()
    {
        try
        {
            State = await Queue.GetStateAsync(Id);
            Petitions = await Outcomes.ListAsync(Id, PetitionIdsToShow(State));
            ClearFailure(read: true);
        }
        catch (NotFoundException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (Exception ex)
        {
            // The last state stays on screen; the next saved change or action reloads it.
            ShowFailure(ex, fromRead: true);
        }
    }

    /// <summary>Which petitions the screen lists (all the speakers' by default).</summary>
    protected virtual IReadOnlyCollection<int> PetitionIdsToShow(HallState state) =>
        state.Queue.SelectMany(q => q.PetitionIds).Distinct().ToList();

    /// <summary>Phone requests changed: only the secretary's console lists them; the other screens do nothing.</summary>
    protected virtual Task OnRequestsChangedAsync() => Task.CompletedTask;

    private async Task OnChangedAsync(HallChange change)
    {
        if (change.DialogueId != Id) return;
        if (change.RequestsChanged)
        {
            await InvokeAsync(async () =>
            {
                // Told by another flow (another screen's save, another node): this screen reads as its own commune.
                using var scope = CommuneScope.Enter(_commune);
                await OnRequestsChangedAsync();
                StateHasChanged();
            });
            if (!change.QueueChanged && change.PetitionIds.Count == 0) return; // nothing any other screen shows
        }
        await InvokeAsync(async () =>
        {
            using var scope = CommuneScope.Enter(_commune);
            ClearFailure(); // a change was saved (here or on another screen): the database takes writes again
            if (change.State is { } saved && change.PetitionIds.Count == 0 && State is not null
                && PetitionIdsToShow(saved).SequenceEqual(PetitionIdsToShow(State)))
                State = saved; // the queue as saved, and the same petitions: nothing to read
            else
                await ReloadAsync();
            StateHasChanged();
        });
    }

    /// <summary>Runs a queue action; a refused one (e.g. someone changed the queue first) shows why and the current state.</summary>
    protected async Task HallActAsync(Func<Task> action)
    {
        if (!await RunAsync(action)) await ReloadAsync();
    }

    /// <summary>Seconds used by the current speaker now, from the stored start (the screen's clock plays no part).</summary>
    protected int CurrentSecondsUsed => SpeakingTime.SecondsUsed(State?.Current?.StartedAt, null, Clock.GetUtcNow().UtcDateTime);

    protected int SecondsLeft => (State?.SpeakingTimeSeconds ?? 0) - CurrentSecondsUsed;

    protected static string Clock2(int seconds) => SpeakingTime.Format(seconds);

    /// <summary>What a screen of its own holds besides the subscription and the tick (the consoles' key shortcuts).</summary>
    protected virtual ValueTask DisposeOwnAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _tick?.Dispose();
        await DisposeOwnAsync();
        GC.SuppressFinalize(this);
    }
}
