using Microsoft.Extensions.Caching.Memory;
using PhoChau.Core.Persistence.Postgres;

namespace PhoChau.Core.Persistence;

/// <summary>
/// EF Core builds its model of the database the first time a context is used: about a second of a 2-core laptop's
/// start, and the one thing start-up's migrations and seeding wait for. Begun here as soon as the configuration says
/// which database this is (on the other core, from a context of its own: the model depends only on the context type
/// and the provider), it lands in the cache the real contexts share (UseMemoryCache), where EF finds it instead of
/// building it again (startup benchmark). The query filters keep working: as always, the model is built once by one
/// context instance and used by all, and EF puts each query's own context in place of that first one
/// (<c>ModelHeadStartTests</c>).
/// </summary>
public sealed class ModelHeadStart
{
    private ModelHeadStart(DatabaseProvider provider)
    {
        Ready = Task.Run(() => Build(provider, SharedCache));
    }

    public static ModelHeadStart Begin(DatabaseProvider provider) => new(provider);

    /// <summary>
    /// EF's cache of models and compiled queries, bounded as EF bounds its own. One for the process, as EF's own is one
    /// per set of options: a cache of its own per host would give each host new EF services, which EF refuses after 20
    /// (ManyServiceProvidersCreatedWarning; a test process starts hundreds of hosts).
    /// </summary>
    public IMemoryCache Cache => SharedCache;

    private static readonly MemoryCache SharedCache = new(new MemoryCacheOptions { SizeLimit = 10240 });

    /// <summary>Done when the model is in <see cref="Cache"/>; a context used before would build a second one.</summary>
    public Task Ready { get; }

    /// <summary>Waits for the model; a failure here only means the context builds it itself (and reports what is wrong).</summary>
    public async Task WaitAsync()
    {
        try { await Ready; }
        catch (Exception) { }
    }

    private static void Build(DatabaseProvider provider, IMemoryCache cache)
    {
        using PhoChauDbContext db = provider == DatabaseProvider.PostgreSQL
            ? new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost").UseMemoryCache(cache).Options)
            : new PhoChauDbContext(new DbContextOptionsBuilder<PhoChauDbContext>().UseSqlite("Data Source=:memory:").UseMemoryCache(cache).Options);
        _ = db.Model;
    }
}
