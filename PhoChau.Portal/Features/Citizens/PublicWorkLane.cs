using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>
/// The threads the public's work runs on, at a lower operating-system priority than the rest of the portal
/// (Public:Niceness, 10 by default; 0 runs it at normal priority): when the hall laptop's cores are all busy, the
/// scheduler gives them to the hall's hub and the staff's screens first, and the public's pages take what is left.
/// A request starts here and stays here for as long as its work runs synchronously, which on SQLite is nearly all of
/// it (the body is already read and the page written into memory, see <see cref="PublicWorkGate"/>); what resumes after
/// real waiting goes back to the ordinary pool. No synchronization context is set, so nothing can deadlock on it.
/// </summary>
public sealed class PublicWorkLane : IDisposable
{
    private readonly BlockingCollection<(Func<Task> Work, ExecutionContext? Context, TaskCompletionSource Done)> _queue = new();
    private readonly ILogger<PublicWorkLane> _log;
    private readonly int _niceness;

    public PublicWorkLane(IConfiguration configuration, ILogger<PublicWorkLane> log)
    {
        _log = log;
        _niceness = Niceness(configuration);
        Threads = ConcurrentRequests(configuration);
        for (var i = 0; i < Threads; i++)
            new Thread(Loop) { IsBackground = true, Name = $"public-work-{i + 1}" }.Start();
    }

    /// <summary>Public:Niceness, 0 (normal) to 19 (lowest); 10 unless configured.</summary>
    public static int Niceness(IConfiguration configuration) => Math.Clamp(configuration.GetValue("Public:Niceness", 10), 0, 19);

    /// <summary>
    /// Public:ConcurrentRequests: as many as there are cores when the lane runs at a lower priority (the scheduler already
    /// keeps the hall first), half of them at normal priority; at least one.
    /// </summary>
    public static int ConcurrentRequests(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Public:ConcurrentRequests",
        Niceness(configuration) > 0 ? Environment.ProcessorCount : Environment.ProcessorCount / 2));

    /// <summary>The lane's threads, one per request served at once.</summary>
    public int Threads { get; }

    /// <summary>How many requests the lane has run: read by a test, which shows the work really went through it.</summary>
    public long Runs => Interlocked.Read(ref _runs);
    private long _runs;

    /// <summary>The OS priority the lane's threads run at (nice), or null when lowering it failed: read by a test.</summary>
    public int? AppliedNiceness { get; private set; }

    /// <summary>Runs <paramref name="work"/> on one of the lane's threads; the task ends when the work does.</summary>
    public Task RunAsync(Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add((work, ExecutionContext.Capture(), done));
        return done.Task;
    }

    private void Loop()
    {
        Lower();
        foreach (var (work, context, done) in _queue.GetConsumingEnumerable())
        {
            Interlocked.Increment(ref _runs);
            if (context is null) Start(work, done);
            else ExecutionContext.Run(context, static s => { var (w, d) = ((Func<Task>, TaskCompletionSource))s!; Start(w, d); }, (work, done));
        }
    }

    private static void Start(Func<Task> work, TaskCompletionSource done)
    {
        Task task;
        try { task = work(); }
        catch (Exception e)
        {
            done.TrySetException(e);
            return;
        }
        if (task.IsCompleted) Finish(task, done);
        else task.ContinueWith(static (t, s) => Finish(t, (TaskCompletionSource)s!), done, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Finish(Task task, TaskCompletionSource done)
    {
        if (task.IsFaulted) done.TrySetException(task.Exception!.InnerExceptions);
        else if (task.IsCanceled) done.TrySetCanceled();
        else done.TrySetResult();
    }

    /// <summary>Lowers this thread's priority: per thread on Linux (setpriority on its thread id), by Thread.Priority elsewhere.</summary>
    private void Lower()
    {
        if (_niceness == 0)
        {
            AppliedNiceness = 0;
            return;
        }
        try
        {
            if (OperatingSystem.IsLinux())
            {
                if (SetPriority(0 /* PRIO_PROCESS: on Linux, one thread when given its id */, GetThreadId(), _niceness) == 0)
                    AppliedNiceness = GetPriority(0, GetThreadId());
                else
                    _log.LogWarning("Không hạ được mức ưu tiên của trang công khai (errno {Errno}); chạy ở mức thường. / Could not lower the public pages' priority.", Marshal.GetLastPInvokeError());
            }
            else
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
                AppliedNiceness = _niceness;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _log.LogWarning("Không hạ được mức ưu tiên của trang công khai ({Reason}); chạy ở mức thường. / Could not lower the public pages' priority.", e.Message);
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    public void Dispose() => _queue.CompleteAdding();
}
