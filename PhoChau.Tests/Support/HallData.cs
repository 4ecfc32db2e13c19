using PhoChau.Core.Dialogues;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Support;

/// <summary>A dialogue opened in the hall, with speakers registered through the real service.</summary>
public static class HallData
{
    public static async Task<Dialogue> OpenSessionAsync(CoreTestHost host, DateOnly? date = null)
    {
        var d = await WorkflowData.DialogueAsync(host, date ?? new DateOnly(2026, 3, 2));
        await host.Get<DialogueService>().MoveAsync(CoreTestHost.Secretary, d.Id, DialogueState.Announced);
        await host.Get<HallSessionService>().OpenSessionAsync(CoreTestHost.Secretary, d.Id, "Diễn tập");
        return d;
    }

    public static async Task<HallState> RegisterAsync(CoreTestHost host, int dialogueId, params string[] names)
    {
        HallState? state = null;
        foreach (var name in names)
            state = await host.Get<SpeakerQueueService>().RegisterAsync(CoreTestHost.Secretary, dialogueId,
                new SpeakerInput { Name = name, VillageOrOrganisation = "Thôn Vĩnh Tuy", Topic = "Thủ tục đất đai" });
        return state ?? await host.Get<SpeakerQueueService>().GetStateAsync(dialogueId);
    }

    public static int IdOf(HallState state, string name) => state.Queue.Single(q => q.Name == name).SpeakerId;

    public static IEnumerable<string> WaitingNames(HallState state) => state.Waiting.Select(w => w.Name);
}
