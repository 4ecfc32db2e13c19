using System.Text;
using PhoChau.Core.Text;
using PhoChau.Core.PersonalData;

namespace PhoChau.Core.Citizens;

/// <summary>A text as the public may read it, and what was hidden in it (shown to the person who approves it).</summary>
public sealed record RedactedText(string Text, IReadOnlyList<string> Hidden);

/// <summary>
/// What the portal knows of the people of a dialogue, in the forms a text may quote them: names, e-mail addresses and
/// the parts of an address with a house number, compared without case or diacritics and in either Unicode form;
/// phone and ID numbers compared by their digits, a phone in any of its forms (0912…, +84912…, 84912…, with spaces,
/// dots or dashes).
/// </summary>
public sealed class PersonalValues
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Words => _words;
    public IReadOnlyCollection<string> Numbers => _numbers;

    public PersonalValues Add(string? name = null, string? phone = null, string? address = null, string? idNumber = null, string? email = null)
    {
        AddWords(name);
        AddWords(email);
        if (!string.IsNullOrWhiteSpace(address))
        {
            AddWords(address);
            // "12 Lê Lợi, thôn Vĩnh Tuy": the part with a house number is the person's; a village's name alone is not.
            foreach (var part in address.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (part.Any(char.IsDigit)) AddWords(part);
        }
        AddNumber(phone);
        AddNumber(idNumber);
        return this;
    }

    private void AddWords(string? value)
    {
        var folded = VietnameseText.Fold(value?.Normalize(NormalizationForm.FormC));
        if (folded.Length >= 3 && folded != VietnameseText.Fold(PersonalDataStore.Anonymous)) _words.Add(folded);
    }

    private void AddNumber(string? value)
    {
        var digits = PublicRedaction.NationalDigits(value ?? "");
        if (digits.Length >= 8) _numbers.Add(digits);
    }
}

/// <summary>Hides a dialogue's personal values in a text meant for the public (results, notices, answers, replies).</summary>
public static class PublicRedaction
{
    public const string Hidden = "[đã ẩn]";

    /// <summary>The digits of a number as written in Vietnam: a phone's +84 / 84 country code becomes its leading 0.</summary>
    public static string NationalDigits(string number)
    {
        var plus = number.TrimStart().StartsWith('+');
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if ((plus || digits.Length is 11) && digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11) return "0" + digits[2..];
        return digits;
    }

    public static RedactedText Redact(string text, PersonalValues values)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var spans = new List<(int Start, int End)>();
        if (values.Words.Count > 0) FindWords(text, values, spans);
        if (values.Numbers.Count > 0) FindNumbers(text, values, spans);
        if (spans.Count == 0) return new RedactedText(text, []);
        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        var sb = new StringBuilder(text.Length);
        var hidden = new List<string>();
        var at = 0;
        foreach (var (start, end) in merged)
        {
            sb.Append(text, at, start - at).Append(Hidden);
            var value = text[start..end];
            if (!hidden.Contains(value, StringComparer.Ordinal)) hidden.Add(value);
            at = end;
        }
        sb.Append(text, at, text.Length - at);
        return new RedactedText(sb.ToString(), hidden);
    }

    /// <summary>Each folded value found in the folded text, on word boundaries, mapped back to the original characters.</summary>
    private static void FindWords(string text, PersonalValues values, List<(int, int)> spans)
    {
        // The folded text, one character per kept original character (marks dropped, white space runs as one space).
        var folded = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var lastSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var f = VietnameseText.FoldChar(text[i]);
            if (f == VietnameseText.Mark) continue;
            if (char.IsWhiteSpace(f))
            {
                if (lastSpace) continue;
                f = ' ';
                lastSpace = true;
            }
            else lastSpace = false;
            folded.Append(f);
            map.Add(i);
        }
        var haystack = folded.ToString();
        foreach (var value in values.Words)
        {
            for (var at = haystack.IndexOf(value, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                var end = at + value.Length;
                if (at > 0 && char.IsLetterOrDigit(haystack[at - 1]) || end < haystack.Length && char.IsLetterOrDigit(haystack[end])) continue;
                // To the end of the last original character, its combining marks included.
                var last = map[end - 1] + 1;
                while (last < text.Length && VietnameseText.FoldChar(text[last]) == VietnameseText.Mark) last++;
                spans.Add((map[at], last));
            }
        }
    }

    /// <summary>Runs of digits (a leading +, single spaces, dots or dashes between) whose digits hold a personal number.</summary>
    private static void FindNumbers(string text, PersonalValues values, List<(int, int)> spans)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (text[i] == '+' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) i++;
            else if (!char.IsAsciiDigit(text[i])) { i++; continue; }
            var end = i;
            while (i < text.Length)
            {
                if (char.IsAsciiDigit(text[i])) { i++; end = i; continue; }
                if (text[i] is ' ' or '.' or '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) { i++; continue; }
                break;
            }
            var run = text[start..end];
            var national = NationalDigits(run);
            var digits = new string(run.Where(char.IsAsciiDigit).ToArray());
            if (values.Numbers.Any(n => national.Contains(n, StringComparison.Ordinal) || digits.Contains(n, StringComparison.Ordinal)
                                        || n.Length == 10 && n[0] == '0' && digits.Contains("84" + n[1..], StringComparison.Ordinal)))
                spans.Add((start, end));
            i = Math.Max(i, end);
        }
    }
}
