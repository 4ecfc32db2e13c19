namespace PhoChau.Core.Persistence;

/// <summary>Compares a database's applied migrations with the ones this version of the portal knows.</summary>
public static class MigrationCheck
{
    /// <summary>Migrations applied to the database that this version does not have: the database is from a newer portal.</summary>
    public static IReadOnlyList<string> Unknown(PhoChauDbContext db) => Compare(db).Unknown;

    /// <summary>
    /// The unknown ones and those this version has and the database lacks (pending), from one read of the history
    /// table (start-up: every read counts on a laptop).
    /// </summary>
    public static (IReadOnlyList<string> Unknown, IReadOnlyList<string> Pending) Compare(PhoChauDbContext db)
    {
        var applied = db.Database.GetAppliedMigrations().ToHashSet(StringComparer.Ordinal);
        var known = db.Database.GetMigrations().ToList();
        return (applied.Except(known).OrderBy(m => m, StringComparer.Ordinal).ToList(), known.Where(m => !applied.Contains(m)).ToList());
    }
}
