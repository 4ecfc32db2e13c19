using Microsoft.Data.Sqlite;
using PhoChau.Core.Common;
using PhoChau.Core.Persistence;
using PhoChau.Core.Speakers;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>
/// Issue 21 (queue-actions): the hall's queue commits in groups on SQLite, and still acknowledges nothing that is not on
/// the disk. SQLite only (CI's PostgreSQL pass leaves this class out: there it does nothing).
/// </summary>
public sealed class GroupCommitTests
{
    private static async Task<long> SynchronousAsync(SqliteConnection c)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous;";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_queue_action_is_flushed_to_the_disk_before_it_is_announced()
    {
        await using var host = await CoreTestHost.StartAsync();
        var commits = host.Get<GroupCommit>();
        var d = await HallData.OpenSessionAsync(host);
        await HallData.RegisterAsync(host, d.Id, "An");
        var flushedWhenAnnounced = new TaskCompletionSource<long>();
        using var subscription = host.Get<HallNotifier>().Subscribe(change =>
        {
            // The registration's own announcement may still be on its way: this waits for the call's.
            if (change.State?.Current is not null) flushedWhenAnnounced.TrySetResult(commits.Flushes);
            return Task.CompletedTask;
        });

        var before = commits.Flushes;
        var state = await host.Get<SpeakerQueueService>().CallNextAsync(CoreTestHost.Chairman, d.Id, null);

        Assert.Equal("An", state.Current?.Name);
        Assert.Equal(before + 1, await flushedWhenAnnounced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(before + 1, commits.Flushes);
    }

    [Fact]
    public async Task A_flush_that_fails_reaches_the_operator_as_the_disk_s_failure_the_screens_show_what_was_saved_and_the_hall_goes_on()
    {
        await using var host = await CoreTestHost.StartAsync();
        var commits = host.Get<GroupCommit>();
        var queue = host.Get<SpeakerQueueService>();
        var d = await HallData.OpenSessionAsync(host);
        await HallData.RegisterAsync(host, d.Id, "An");
        var disk = commits.FlushFile;
        commits.FlushFile = _ => throw new IOException("No space left on device");
        var shown = new TaskCompletionSource();
        using var subscription = host.Get<HallNotifier>().Subscribe(change =>
        {
            if (change.State?.Queue.Any(q => q.Name == "Bình") == true) shown.TrySetResult();
            return Task.CompletedTask;
        });

        var failure = await Record.ExceptionAsync(() => queue.RegisterAsync(CoreTestHost.Secretary, d.Id, new SpeakerInput { Name = "Bình", VillageOrOrganisation = "Thôn 2", Topic = "x" }));

        Assert.Equal(FailureKind.DiskFull, Failures.Classify(failure!)); // the page says the disk is full, in Vietnamese
        await shown.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the screens show what the database holds
        commits.FlushFile = disk;
        var state = await queue.CallNextAsync(CoreTestHost.Chairman, d.Id, null); // the write lock was let go
        Assert.Equal("An", state.Current?.Name);
        Assert.Equal(["Bình"], HallData.WaitingNames(state));
    }

    [Fact]
    public async Task A_relaxed_connection_gets_FULL_back_whether_it_committed_or_not()
    {
        await using var host = await CoreTestHost.StartAsync();
        var commits = new GroupCommit();
        await using var c = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await c.OpenAsync();

        await using (var relaxed = await commits.RelaxAsync(c, default))
        {
            Assert.NotNull(relaxed);
            Assert.Equal(1L, await SynchronousAsync(c)); // NORMAL: the commit does not wait for the disk…
            await using (var tx = c.BeginTransaction())
            {
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "UPDATE \"Dialogues\" SET \"Title\" = \"Title\" WHERE 0;";
                await cmd.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
            relaxed!.Flush(); // …the flush after it does
            Assert.Equal(1, commits.Flushes);
        }
        Assert.Equal(2L, await SynchronousAsync(c));

        await using (var refused = await commits.RelaxAsync(c, default))
        await using (var tx = c.BeginTransaction())
            await tx.RollbackAsync(); // a refusal: rolled back, never flushed
        Assert.Equal(2L, await SynchronousAsync(c));
        Assert.Equal(1, commits.Flushes);
    }

    [Fact]
    public async Task A_WAL_database_is_relaxed_and_flushed_on_a_fresh_connection_before_its_wal_file_exists()
    {
        // CI saw this: every connection to the file closed, the -wal file removed, and the next action went unflushed.
        var dir = Directory.CreateTempSubdirectory("phochau-groupcommit").FullName;
        try
        {
            var file = Path.Combine(dir, "wal.db");
            await using (var setup = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await setup.OpenAsync();
                await using var cmd = setup.CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER);";
                await cmd.ExecuteNonQueryAsync();
            }
            Assert.False(File.Exists(file + "-wal")); // the last close checkpointed and removed it

            var commits = new GroupCommit();
            await using var c = new SqliteConnection($"Data Source={file};Pooling=False");
            await c.OpenAsync();
            await using (var relaxed = await commits.RelaxAsync(c, default))
            {
                Assert.NotNull(relaxed);
                await using (var tx = c.BeginTransaction())
                {
                    await using var cmd = c.CreateCommand();
                    cmd.CommandText = "INSERT INTO t VALUES (1);";
                    await cmd.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                }
                Assert.True(File.Exists(file + "-wal"));
                relaxed!.Flush();
            }
            Assert.Equal(1, commits.Flushes);
            Assert.Equal(2L, await SynchronousAsync(c));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Nothing_is_relaxed_but_a_database_file_in_WAL_mode()
    {
        var commits = new GroupCommit();
        await using (var memory = new SqliteConnection("Data Source=:memory:"))
        {
            await memory.OpenAsync();
            Assert.Null(await commits.RelaxAsync(memory, default));
            Assert.Equal(2L, await SynchronousAsync(memory));
        }

        var dir = Directory.CreateTempSubdirectory("phochau-groupcommit").FullName;
        try
        {
            await using var journal = new SqliteConnection($"Data Source={Path.Combine(dir, "journal.db")};Pooling=False");
            await journal.OpenAsync();
            await using (var cmd = journal.CreateCommand())
            {
                cmd.CommandText = "CREATE TABLE t (x INTEGER);"; // the default rollback journal: no WAL to flush
                await cmd.ExecuteNonQueryAsync();
            }
            Assert.Null(await commits.RelaxAsync(journal, default));
            Assert.Equal(2L, await SynchronousAsync(journal));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
