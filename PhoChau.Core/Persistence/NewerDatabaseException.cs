namespace PhoChau.Core.Persistence;

/// <summary>The database has a migration this version does not know: it was used by a newer portal, and an older one must not touch it.</summary>
public sealed class NewerDatabaseException(string migration)
    : Exception($"The database was last used by a newer version of the portal (migration {migration}).")
{
    public string Migration { get; } = migration;
}
