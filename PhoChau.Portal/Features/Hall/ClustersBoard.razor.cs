using Microsoft.AspNetCore.Components;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Records;
using PhoChau.Core.Speakers;
using PhoChau.Portal.Components.Shared;

namespace PhoChau.Portal.Features.Hall;

/// <summary>
/// A dialogue held by village clusters at the same time: the chair sees every hall's speaker, timer and next ones side
/// by side, live, and opens any of them. Reached from the chair's console of the dialogue or of any of its clusters.
/// </summary>
public partial class ClustersBoard : PortalComponentBase
{
    [Parameter] public int Id { get; set; }
    [Inject] private DialogueService Dialogues { get; set; } = default!;
    [Inject] private ClusterSessions Clusters { get; set; } = default!;
    [Inject] private SpeakerQueueService Queue { get; set; } = default!;
    [Inject] private HallNotifier Notifier { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<HallText> H { get; set; } = default!;

    private sealed record Column(int Id, string Name, string Where, HallState State);

    private List<Column> _columns = [];
    private string _title = "";
    private int _commune;
    private IDisposable? _subscription;
    private ITimer? _tick;

    protected override async Task OnActorReadyAsync()
    {
        _commune = CommuneScope.Current;
        var d = await Dialogues.GetAsync(Id);
        var main = d.ParentId is { } parent ? await Dialogues.GetAsync(parent) : d;
        _title = main.Title;
        var columns = new List<Column> { new(main.Id, H["Clusters.Main"], main.Venue, await Queue.GetStateAsync(main.Id)) };
        foreach (var c in await Clusters.ListAsync(main.Id))
            columns.Add(new Column(c.Id, c.Name, $"{string.Join(", ", c.Villages)} — {c.Venue}", await Queue.GetStateAsync(c.Id)));
        _columns = columns;
        _subscription = Notifier.Subscribe(OnChangedAsync);
        _tick = Clock.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private async Task OnChangedAsync(HallChange change)
    {
        if (!change.QueueChanged || _columns.FindIndex(c => c.Id == change.DialogueId) < 0) return;
        await InvokeAsync(async () =>
        {
            using var scope = CommuneScope.Enter(_commune); // told by another flow: read as this screen's commune
            var i = _columns.FindIndex(c => c.Id == change.DialogueId);
            if (i < 0) return;
            try { _columns[i] = _columns[i] with { State = change.State ?? await Queue.GetStateAsync(change.DialogueId) }; }
            catch (Exception ex) { ShowFailure(ex, fromRead: true); } // the last state stays on screen
            StateHasChanged();
        });
    }

    private int SecondsLeft(HallState state) =>
        state.SpeakingTimeSeconds - SpeakingTime.SecondsUsed(state.Current?.StartedAt, null, Clock.GetUtcNow().UtcDateTime);

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _tick?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
