using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>
/// Issue 34.3: a feature raises events and another handles them inside the save that wrote the change: after the rows
/// have their ids, in the same transaction (a failing handler keeps nothing), whichever overload saves.
/// </summary>
public sealed class DomainEventsTests
{
    private sealed class Recorder : DomainEventHandler<PetitionReceived>
    {
        public ConcurrentQueue<(int Id, bool InTransaction)> Seen { get; } = new();
        public string? FailFor { get; set; }

        protected override Task HandleAsync(PhoChauDbContext db, PetitionReceived e, CancellationToken ct)
        {
            if (e.Petition.PetitionerName == FailFor) throw new InvalidOperationException("handler failed");
            Seen.Enqueue((e.Petition.Id, db.Database.CurrentTransaction is not null));
            return Task.CompletedTask;
        }
    }

    private sealed class Published : DomainEventHandler<ResultsPublished>
    {
        public ConcurrentQueue<int> Dialogues { get; } = new();

        protected override Task HandleAsync(PhoChauDbContext db, ResultsPublished e, CancellationToken ct)
        {
            Dialogues.Enqueue(e.DialogueId);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_received_petition_is_handled_in_its_save_with_its_id_and_a_failing_handler_keeps_nothing()
    {
        var recorder = new Recorder { FailFor = "Trần Thị Lỗi" };
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IDomainEventHandler>(recorder));
        var d = await WorkflowData.DialogueAsync(host);

        var p = await WorkflowData.PetitionAsync(host, d.Id);

        var seen = Assert.Single(recorder.Seen);
        Assert.Equal(p.Id, seen.Id); // after the insert: the id is the stored one
        Assert.True(seen.InTransaction);

        await Assert.ThrowsAsync<InvalidOperationException>(() => WorkflowData.PetitionAsync(host, d.Id, "Trần Thị Lỗi"));
        await using var db = host.NewDb();
        Assert.False(await db.Petitions.AnyAsync(x => x.PetitionerName == "Trần Thị Lỗi", TestContext.Current.CancellationToken));
        Assert.Single(recorder.Seen);
    }

    [Fact]
    public async Task An_event_the_context_raised_is_handled_by_a_synchronous_save_too()
    {
        var published = new Published();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IDomainEventHandler>(published));
        var d = await WorkflowData.DialogueAsync(host);

        await using (var db = host.NewDb())
        {
            db.Raise(new ResultsPublished(d.Id, DateTime.UtcNow));
            db.SaveChanges();
            db.SaveChanges(); // taken once: a second save handles nothing again
        }

        Assert.Equal([d.Id], published.Dialogues);
    }
}
