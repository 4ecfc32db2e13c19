using PhoChau.Core.Text;

namespace PhoChau.Core.Departments;

/// <summary>Finds a village by what a person typed: "Vĩnh Tuy" or "thon vinh tuy" finds "Thôn Vĩnh Tuy".</summary>
public static class VillageNames
{
    /// <summary>The active villages with their names folded, as <see cref="FindId"/> takes them.</summary>
    public static async Task<List<(int Id, string Folded)>> ActiveAsync(PhoChauDbContext db, CancellationToken ct) =>
        (await db.Villages.Where(v => v.IsActive).Select(v => new { v.Id, v.Name }).ToListAsync(ct))
            .Select(v => (v.Id, VietnameseText.Fold(v.Name))).ToList();

    /// <param name="villages">The active villages, each with its name folded by <see cref="VietnameseText.Fold"/>.</param>
    public static int? FindId(IEnumerable<(int Id, string Folded)> villages, string? typed)
    {
        var folded = VietnameseText.Fold(typed);
        if (folded.Length == 0) return null;
        foreach (var (id, v) in villages)
            if (v == folded || v == "thon " + folded) return id;
        return null;
    }
}
