using PhoChau.Core.Text;

namespace PhoChau.Core.Petitions;

/// <summary>Likely duplicates in an import: the same person of the same village with a similar text, or nearly the same text.</summary>
internal static class ImportDuplicates
{
    /// <summary>What a petition is compared by: its reference (a code, or the file's row), folded name, village and words.</summary>
    public static Fingerprint Print(string reference, string name, int? villageId, string text) =>
        new(reference, VietnameseText.Fold(name), villageId, Words(text));

    private static HashSet<string> Words(string text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).ToHashSet();

    /// <summary>Same person (folded name) of the same village with a similar text, or nearly the same text.</summary>
    public sealed record Fingerprint(string Reference, string Name, int? VillageId, HashSet<string> Words)
    {
        public bool IsLikelySameAs(Fingerprint other)
        {
            // Jaccard similarity of the two texts' words, counted without building a set for every pair.
            var (small, large) = Words.Count <= other.Words.Count ? (Words, other.Words) : (other.Words, Words);
            var shared = 0;
            foreach (var w in small) if (large.Contains(w)) shared++;
            var union = Words.Count + other.Words.Count - shared;
            var similarity = union == 0 ? 0 : (double)shared / union;
            return (Name == other.Name && VillageId == other.VillageId && similarity >= 0.5) || similarity >= 0.8;
        }
    }
}
