using System.Collections.Concurrent;

namespace PhoChau.Core.Commune;

/// <summary>
/// The commune whose data this operation may see. Set once per request, circuit activity or hub call from the
/// signed-in user (the portal does it); every query of commune-owned data is filtered by it in one place
/// (<see cref="Persistence.PhoChauDbContext"/>'s query filters) and every new row is stamped with it. A single
/// commune's installation never sets it: its one commune is <see cref="Default"/>.
/// </summary>
public static class CommuneScope
{
    /// <summary>The commune of a single-commune installation, and the first commune of a province's.</summary>
    public const int Default = CommuneProfile.SingletonId;

    /// <summary>No commune: a province account outside any commune sees no commune's records.</summary>
    public const int None = 0;

    private static readonly AsyncLocal<int?> Ambient = new();

    public static int Current => Ambient.Value ?? Default;

    /// <summary>Whether this flow has set a commune (a request, a circuit activity, a hub call, a relay).</summary>
    public static bool IsSet => Ambient.Value is not null;

    // The databases (by connection) known to hold several communes: there no flow may fall back to commune 1.
    private static readonly ConcurrentDictionary<string, bool> Several = new(StringComparer.Ordinal);

    /// <summary>Marks a database as a province's (several communes): from now on a context made there without a scope is refused.</summary>
    public static void MarkSeveral(string? database)
    {
        if (!string.IsNullOrEmpty(database)) Several[database] = true;
    }

    /// <summary>
    /// The commune a database context of <paramref name="database"/> works for: the flow's, or on a single commune's
    /// database its one commune; null when no commune was set on a database of several (the context then refuses
    /// any filtered query or stamped save, loudly, rather than show or write commune 1's records).
    /// </summary>
    public static int? ForDatabase(string? database) =>
        Ambient.Value ?? (database is not null && Several.ContainsKey(database) ? null : Default);

    /// <summary>Sets the commune for the rest of this flow (a request, a circuit activity, a hub call).</summary>
    public static void Set(int communeId) => Ambient.Value = communeId;

    /// <summary>Works as <paramref name="communeId"/> until disposed (a background relay acting for a commune).</summary>
    public static IDisposable Enter(int communeId)
    {
        var previous = Ambient.Value;
        Ambient.Value = communeId;
        return new Restore(previous);
    }

    private sealed class Restore(int? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>A database of several communes was reached by a flow that set none: a defect, never a fallback to commune 1.</summary>
public sealed class NoCommuneScopeException() : InvalidOperationException(
    "No commune scope: this database holds several communes, and this code path set none (CommuneScope.Set or Enter) before reaching it.");

/// <summary>A record that belongs to one commune (a tenant): filtered and stamped by the database context.</summary>
public interface ICommuneOwned
{
    int CommuneId { get; set; }
}
