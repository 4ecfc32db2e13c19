using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Auditing;
using PhoChau.Core.Departments;
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

    /// <summary>A handler that changes one record and creates another: both go in the trail like the save's own changes.</summary>
    private sealed class Consequences(List<int> petition) : DomainEventHandler<ResultsPublished>
    {
        protected override async Task HandleAsync(PhoChauDbContext db, ResultsPublished e, CancellationToken ct)
        {
            var p = await db.Petitions.SingleAsync(x => x.Id == petition[0], ct);
            p.ReturnComment = "Xem kết quả " + e.DialogueId;
            db.Villages.Add(new Village { Name = "Thôn Hậu " + e.DialogueId, SortOrder = 99 });
        }
    }

    [Fact]
    public async Task What_a_handler_changes_or_creates_is_versioned_and_audited_in_the_actors_name_whichever_overload_saves()
    {
        var late = new List<int>();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IDomainEventHandler>(new Consequences(late)));
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        late.Add(p.Id);

        await using (var db = host.NewDb())
        {
            db.ActAs(CoreTestHost.Secretary).Raise(new ResultsPublished(d.Id, DateTime.UtcNow));
            db.SaveChanges();
            db.Raise(new ResultsPublished(d.Id + 1000, DateTime.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = host.NewDb();
        var stored = await check.Petitions.AsNoTracking().SingleAsync(x => x.Id == p.Id, TestContext.Current.CancellationToken);
        Assert.Equal(p.Version + 2, stored.Version); // moved on by each save, as the save's own changes are
        var trail = await check.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Petition) && a.EntityId == p.Id.ToString()).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Xem kết quả " + d.Id, "Xem kết quả " + (d.Id + 1000)],
            trail.SelectMany(a => a.Changes).Where(c => c.Field == nameof(Petition.ReturnComment)).Select(c => c.New));
        Assert.All(trail.Skip(1), a => Assert.Equal(CoreTestHost.Secretary.UserName, a.UserName));
        var villages = await check.Villages.AsNoTracking().Where(v => v.Name.StartsWith("Thôn Hậu")).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, villages.Count);
        foreach (var v in villages) // created by the handler: its entry carries the id it was given
            Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Village) && a.EntityId == v.Id.ToString()
                && a.Action == AuditAction.Created, TestContext.Current.CancellationToken), v.Name);
    }

    private sealed class HallWatcher : AfterCommitHandler<PetitionsChanged>
    {
        public ConcurrentQueue<(int Dialogue, bool Committed)> Told { get; } = new();
        public Func<int, bool> IsCommitted { get; set; } = _ => false;

        protected override void Handle(PetitionsChanged e) => Told.Enqueue((e.DialogueId, IsCommitted(e.PetitionIds[0])));
    }

    [Fact]
    public async Task The_hall_is_told_of_a_petitions_change_after_its_commit_and_never_of_a_rolled_back_one()
    {
        var watcher = new HallWatcher();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IAfterCommitHandler>(watcher));
        var d = await WorkflowData.DialogueAsync(host);
        var p = await WorkflowData.PetitionAsync(host, d.Id);
        // What a screen told of it would read: the change is there to be read when the handler runs.
        watcher.IsCommitted = id =>
        {
            using var other = host.NewDb();
            return other.Petitions.AsNoTracking().Single(x => x.Id == id).Address == "Thôn Vĩnh Tuy";
        };

        async Task ChangeAsync(string address, bool commit)
        {
            var ct = TestContext.Current.CancellationToken;
            await using var db = host.NewDb();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Petitions.SingleAsync(x => x.Id == p.Id, ct);
            row.Address = address;
            db.Raise(new PetitionsChanged(d.Id, [p.Id]));
            await db.SaveChangesAsync(ct);
            Assert.Empty(watcher.Told); // saved, not committed
            if (commit) await tx.CommitAsync(ct);
            else await tx.RollbackAsync(ct);
        }

        await ChangeAsync("Thôn Bình Minh", commit: false);
        Assert.Empty(watcher.Told);

        await ChangeAsync("Thôn Vĩnh Tuy", commit: true);
        Assert.Equal([(d.Id, true)], watcher.Told);
    }
}
