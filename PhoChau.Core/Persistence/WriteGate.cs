namespace PhoChau.Core.Persistence;

/// <summary>
/// Lines up this process's hot writers (the hall's queue) before they ask SQLite for its write lock. SQLite's own
/// busy handler polls with growing sleeps (1, 2, 5, 10… ms), so two operators contending for the lock waited far
/// longer than the 2–3 ms a write holds it; waiting here wakes the next writer the moment the lock is free.
/// Other processes (the backup command) are still covered by the busy timeout.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }
}
