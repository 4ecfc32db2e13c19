using System.Globalization;
using System.Text;

namespace PhoChau.Core.Text;

/// <summary>Text rules for Vietnamese input: folding for search and uniqueness, cleaning of names.</summary>
public static class VietnameseText
{
    /// <summary>Lower case, no diacritics (đ → d), single spaces: "Nguyễn  Văn A" → "nguyen van a".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Trims, folds runs of white space and drops control characters, keeping diacritics (NFC).</summary>
    public static string CleanName(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(c);
        }
        return sb.ToString().TrimEnd();
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
