using System.Globalization;
using System.Text;

namespace PhoChau.Core.Text;

/// <summary>Text rules for Vietnamese input: folding for search and uniqueness, cleaning of names.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Who a person is for "the same person twice" (in the queue, among the phone requests): name and village or
    /// organisation, ignoring case, diacritics and spacing.
    /// </summary>
    public static (string Name, string From) PersonKey(string? name, string? villageOrOrganisation) =>
        (Fold(name), Fold(villageOrOrganisation));

    /// <summary>Without diacritics, case kept (Đ → D): what an SMS gateway sends as plain text. "Phổ Châu" → "Pho Chau".</summary>
    public static string Unaccent(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower case, no diacritics (đ → d), single spaces: "Nguyễn  Văn A" → "nguyen van a".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        // One pass through a table of each letter's folded form (built once from Unicode's decompositions): one string
        // allocated per call, which matters for imports and searches over thousands of rows.
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var lastWasSpace = true;
        foreach (var c in text)
        {
            var f = c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);
            if (f == Mark) continue;
            if (char.IsWhiteSpace(f))
            {
                if (!lastWasSpace) buffer[n++] = ' ';
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            buffer[n++] = f;
        }
        if (n > 0 && buffer[n - 1] == ' ') n--;
        return new string(buffer[..n]);
    }

    /// <summary>One character as <see cref="Fold"/> folds it (without the spacing rule), or <see cref="Mark"/> for a combining mark.</summary>
    public static char FoldChar(char c) => c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    public const char Mark = '\uFFFF';

    /// <summary>For every character below U+2000: its base letter in lower case, or <see cref="Mark"/> for a combining mark.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) { table[i] = Mark; continue; }
            if (c is 'đ' or 'Đ') { table[i] = 'd'; continue; }
            var decomposed = char.IsSurrogate(c) ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormD);
            table[i] = char.ToLowerInvariant(decomposed[0]);
        }
        return table;
    }

    /// <summary>Trims, folds runs of white space and drops control characters, keeping diacritics (NFC).</summary>
    public static string CleanName(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(normalized.Length);
        var lastWasSpace = true;
        var changed = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                changed |= c != ' ' || lastWasSpace;
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(c);
        }
        if (sb.Length > 0 && sb[^1] == ' ') { sb.Length--; changed = true; }
        return changed ? sb.ToString() : normalized;
    }

    /// <summary>
    /// Sort key of a Vietnamese personal name: by given name (the last word), then the rest in order,
    /// as Vietnamese lists are sorted ("Trần Thị Bình" before "Nguyễn Văn Cường").
    /// </summary>
    public static string NameSortKey(string? fullName)
    {
        var words = Fold(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "";
        return words[^1] + " " + string.Join(' ', words[..^1]);
    }
}
