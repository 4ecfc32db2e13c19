using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using System.Data;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Group commit for the hall's queue on SQLite: the transaction is written under the write lock without waiting for
/// the disk (synchronous NORMAL on that one connection), and the WAL file is flushed to the disk after the lock is let
/// go and before the action is acknowledged or announced. The next operator's change is written meanwhile, and one
/// flush takes both to the disk: in WAL mode the log is appended to, so a flush of the file covers every frame written
/// before it. An acknowledged action is on the disk, as with synchronous FULL; what a power cut can take back is only
/// what nobody was told was saved. Every other write keeps FULL (the connection goes back to it before it returns to
/// the pool). PostgreSQL commits in groups itself; there this does nothing.
/// </summary>
public sealed class GroupCommit
{
    private long _flushes;
    private readonly ConcurrentDictionary<string, bool> _walFiles = new(StringComparer.Ordinal);

    /// <summary>WAL flushes made (a figure for the tests and the metrics).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>How a WAL file is taken to the disk; a test puts a failing disk here.</summary>
    internal Action<string> FlushFile { get; set; } = wal =>
    {
        using var f = new FileStream(wal, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        f.Flush(flushToDisk: true);
    };

    /// <summary>
    /// Before the transaction begins (SQLite refuses to change it inside one): this connection's commits stop waiting
    /// for the disk. Null when there is nothing to relax: not SQLite, or not a file in WAL mode.
    /// </summary>
    public async Task<Relaxed?> RelaxAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection sqlite || await WalPathAsync(sqlite, ct) is not { } wal) return null;
        await SetAsync(sqlite, "NORMAL", ct);
        return new Relaxed(this, sqlite, wal);
    }

    /// <summary>
    /// The WAL file when the database is a file in WAL mode, asked of SQLite once per file (the mode is kept in the
    /// file). Not whether the -wal file exists: it is removed when the last connection closes and made again by the
    /// next read, so a fresh connection's first action would have gone unrelaxed (and uncounted).
    /// </summary>
    private async Task<string?> WalPathAsync(SqliteConnection c, CancellationToken ct)
    {
        var file = c.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return null;
        if (!_walFiles.TryGetValue(file, out var isWal))
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode;";
            isWal = string.Equals(await cmd.ExecuteScalarAsync(ct) as string, "wal", StringComparison.OrdinalIgnoreCase);
            if (isWal) _walFiles[file] = true; // a rollback-journal file may still be switched to WAL: asked again
        }
        return isWal ? file + "-wal" : null;
    }

    private static async Task SetAsync(SqliteConnection c, string level, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA synchronous = {level};";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One relaxed connection: flushed after its commit, and given back its FULL in any case.</summary>
    public sealed class Relaxed(GroupCommit owner, SqliteConnection connection, string wal) : IAsyncDisposable
    {
        private bool _restored;

        /// <summary>
        /// After the commit and outside the write lock: the WAL file to the disk (fsync; FlushFileBuffers on Windows).
        /// A failure (the disk gone) reaches the operator as the commit's own failure would.
        /// </summary>
        public void Flush()
        {
            // Gone only if checkpointed into the database and removed, which SQLite syncs itself.
            if (File.Exists(wal)) owner.FlushFile(wal);
            Interlocked.Increment(ref owner._flushes);
        }

        public async ValueTask DisposeAsync()
        {
            if (_restored) return;
            _restored = true;
            // Not inside a transaction here: the caller's was committed or rolled back before.
            try
            {
                if (connection.State == ConnectionState.Open) await SetAsync(connection, "FULL", CancellationToken.None);
            }
            catch (SqliteException)
            {
                SqliteConnection.ClearPool(connection); // never handed on to another write still relaxed
                throw;
            }
        }
    }
}
