using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PhoChau.Core.Documents.Signing;

/// <summary>
/// A PDF read as its bytes, to add to it without touching them: the cross-reference (classic tables, as PDFsharp and
/// signing tools write them, followed through every earlier update) and the dictionaries of its objects as text. A
/// signature added this way is an incremental update: the bytes signed before stay exactly as they were, so a first
/// signature (the Chairman's, from the token) stays valid under the seal that follows it.
/// </summary>
internal sealed partial class PdfRevision
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public byte[] Bytes { get; }
    private readonly string _text; // Latin-1: one char a byte, so indexes are byte offsets
    private readonly Dictionary<int, long> _offsets = [];
    public long StartXref { get; }
    public int Size { get; }
    public string Root { get; }
    public string? Info { get; }
    public string? Id { get; }

    private PdfRevision(byte[] bytes)
    {
        Bytes = bytes;
        _text = Latin1.GetString(bytes);
        var tail = _text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (tail < 0) throw Unsupported();
        StartXref = long.Parse(NumberAt(tail + "startxref".Length), CultureInfo.InvariantCulture);
        string? newest = null;
        var seen = new HashSet<long>();
        for (long? at = StartXref; at is { } x && seen.Add(x);)
        {
            var trailer = ReadSection((int)x);
            newest ??= trailer;
            at = Value(trailer, "/Prev") is { } prev ? long.Parse(prev, CultureInfo.InvariantCulture) : null;
        }
        Size = int.Parse(Value(newest!, "/Size") ?? throw Unsupported(), CultureInfo.InvariantCulture);
        Root = Value(newest!, "/Root") ?? throw Unsupported();
        Info = Value(newest!, "/Info");
        Id = Value(newest!, "/ID");
    }

    public static PdfRevision Read(byte[] bytes)
    {
        try
        {
            return new PdfRevision(bytes);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw Unsupported(e);
        }
    }

    private static DomainException Unsupported(Exception? inner = null) => new(CoreText.Get("Signing.PdfUnsupported"), inner);

    private string NumberAt(int i)
    {
        while (i < _text.Length && char.IsWhiteSpace(_text[i])) i++;
        var start = i;
        while (i < _text.Length && char.IsAsciiDigit(_text[i])) i++;
        return i > start ? _text[start..i] : throw Unsupported();
    }

    /// <summary>One classic cross-reference section: its offsets (an object's newest offset wins) and its trailer.</summary>
    private string ReadSection(int at)
    {
        var i = at;
        while (char.IsWhiteSpace(_text[i])) i++;
        if (string.CompareOrdinal(_text, i, "xref", 0, 4) != 0) throw Unsupported(); // a cross-reference stream: not written here
        var tokens = new Tokens(_text, i + 4);
        while (true)
        {
            var first = tokens.Next();
            if (first == "trailer") break;
            var start = int.Parse(first, CultureInfo.InvariantCulture);
            var count = int.Parse(tokens.Next(), CultureInfo.InvariantCulture);
            for (var k = 0; k < count; k++)
            {
                var offset = long.Parse(tokens.Next(), CultureInfo.InvariantCulture);
                tokens.Next();
                if (tokens.Next() == "n") _offsets.TryAdd(start + k, offset);
                else _offsets.TryAdd(start + k, -1);
            }
        }
        var dict = _text.IndexOf("<<", tokens.Position, StringComparison.Ordinal);
        return _text[dict..DictionaryEnd(_text, dict)];
    }

    private sealed class Tokens(string text, int position)
    {
        public int Position { get; private set; } = position;

        public string Next()
        {
            var i = Position;
            while (char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '<') i++;
            Position = i;
            return text[start..i];
        }
    }

    /// <summary>The dictionary of object <paramref name="number"/> as text ("&lt;&lt; … &gt;&gt;").</summary>
    public string Dictionary(int number)
    {
        if (!_offsets.TryGetValue(number, out var offset) || offset < 0) throw Unsupported();
        var i = (int)offset;
        var head = ObjectHead().Match(_text, i);
        if (!head.Success || head.Index != i || head.Groups[1].Value != number.ToString(CultureInfo.InvariantCulture)) throw Unsupported();
        var start = _text.IndexOf("<<", head.Index + head.Length, StringComparison.Ordinal);
        return _text[start..DictionaryEnd(_text, start)];
    }

    [GeneratedRegex(@"\G\s*(\d+)\s+(\d+)\s+obj")]
    private static partial Regex ObjectHead();

    [GeneratedRegex(@"^(\d+)\s+(\d+)\s+R$")]
    private static partial Regex Reference();

    public static int ReferenceNumber(string value) =>
        Reference().Match(value.Trim()) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw Unsupported();

    public static IEnumerable<int> References(string array)
    {
        foreach (Match m in Regex.Matches(array, @"(\d+)\s+(\d+)\s+R")) yield return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The pages in order (page tree followed from the catalog).</summary>
    public IReadOnlyList<int> Pages()
    {
        var pages = new List<int>();
        void Walk(int node, int depth)
        {
            if (depth > 32) throw Unsupported();
            var dict = Dictionary(node);
            if (Value(dict, "/Type") == "/Pages")
                foreach (var kid in References(Value(dict, "/Kids") ?? "")) Walk(kid, depth + 1);
            else pages.Add(node);
        }
        Walk(ReferenceNumber(Value(Dictionary(ReferenceNumber(Root)), "/Pages") ?? throw Unsupported()), 0);
        return pages;
    }

    /// <summary>Where a dictionary ("&lt;&lt;" at <paramref name="start"/>) ends: after its "&gt;&gt;", strings and nested dictionaries skipped.</summary>
    public static int DictionaryEnd(string s, int start)
    {
        var depth = 0;
        for (var i = start; i < s.Length;)
        {
            if (s[i] == '<' && i + 1 < s.Length && s[i + 1] == '<') { depth++; i += 2; }
            else if (s[i] == '>' && i + 1 < s.Length && s[i + 1] == '>') { depth--; i += 2; if (depth == 0) return i; }
            else if (s[i] == '(') i = StringEnd(s, i);
            else if (s[i] == '<') i = s.IndexOf('>', i) + 1;
            else i++;
        }
        throw Unsupported();
    }

    private static int StringEnd(string s, int i)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == '(') depth++;
            else if (s[i] == ')' && --depth == 0) return i + 1;
        }
        throw Unsupported();
    }

    private static int ArrayEnd(string s, int i)
    {
        var depth = 0;
        for (; i < s.Length;)
        {
            if (s[i] == '(') { i = StringEnd(s, i); continue; }
            if (s[i] == '<' && i + 1 < s.Length && s[i + 1] == '<') { i = DictionaryEnd(s, i); continue; }
            if (s[i] == '[') depth++;
            else if (s[i] == ']' && --depth == 0) return i + 1;
            i++;
        }
        throw Unsupported();
    }

    /// <summary>Where a key of the dictionary's own level is, and where its value starts and ends; null when absent.</summary>
    private static (int Key, int Start, int End)? Find(string dict, string key)
    {
        var depth = 0;
        for (var i = 0; i < dict.Length;)
        {
            var c = dict[i];
            if (c == '<' && i + 1 < dict.Length && dict[i + 1] == '<') { depth++; i += 2; continue; }
            if (c == '>' && i + 1 < dict.Length && dict[i + 1] == '>') { depth--; i += 2; continue; }
            if (c == '(') { i = StringEnd(dict, i); continue; }
            if (c == '[') { i = ArrayEnd(dict, i); continue; }
            if (c == '<') { i = dict.IndexOf('>', i) + 1; continue; }
            if (c == '/' && depth == 1)
            {
                var end = i + 1;
                while (end < dict.Length && !IsDelimiter(dict[end])) end++;
                var isKey = dict.AsSpan(i, end - i).SequenceEqual(key);
                var start = end;
                while (start < dict.Length && char.IsWhiteSpace(dict[start])) start++;
                var valueEnd = ValueEnd(dict, start);
                if (isKey) return (i, start, valueEnd);
                i = valueEnd;
                continue;
            }
            i++;
        }
        return null;
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '/' or '[' or ']' or '<' or '>' or '(' or ')' or '{' or '}' or '%';

    private static int ValueEnd(string s, int i)
    {
        if (s[i] == '[') return ArrayEnd(s, i);
        if (s[i] == '<' && s[i + 1] == '<') return DictionaryEnd(s, i);
        if (s[i] == '<') return s.IndexOf('>', i) + 1;
        if (s[i] == '(') return StringEnd(s, i);
        if (s[i] == '/')
        {
            var e = i + 1;
            while (e < s.Length && !IsDelimiter(s[e])) e++;
            return e;
        }
        var r = Regex.Match(s[i..], @"^\d+\s+\d+\s+R");
        if (r.Success) return i + r.Length;
        var n = i;
        while (n < s.Length && !IsDelimiter(s[n])) n++;
        return n;
    }

    /// <summary>A key's value as written (an array, a dictionary, a reference "5 0 R", a name, a number); null when absent.</summary>
    public static string? Value(string dict, string key) => Find(dict, key) is { } f ? dict[f.Start..f.End] : null;

    /// <summary>The dictionary with the key set to the value (replaced where it was, added at the end where it was not).</summary>
    public static string With(string dict, string key, string value) =>
        Find(dict, key) is { } f
            ? dict[..f.Start] + value + dict[f.End..]
            : dict[..^2].TrimEnd() + key + " " + value + ">>";

    /// <summary>The update written after the file: the objects, a cross-reference section for them, a trailer pointing back.</summary>
    public byte[] Append(IReadOnlyList<(int Number, byte[] Body)> objects, out Dictionary<int, long> offsets)
    {
        using var out_ = new MemoryStream(Bytes.Length + 64 * 1024);
        out_.Write(Bytes);
        if (Bytes[^1] is not ((byte)'\n' or (byte)'\r')) out_.WriteByte((byte)'\n');
        offsets = [];
        foreach (var (number, body) in objects)
        {
            offsets[number] = out_.Position;
            Write(out_, $"{number} 0 obj\n");
            out_.Write(body);
            Write(out_, "\nendobj\n");
        }
        var xref = out_.Position;
        var sb = new StringBuilder("xref\n");
        foreach (var (number, _) in objects.OrderBy(o => o.Number))
            sb.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offsets[number]:D10} 00000 n\r\n");
        var size = Math.Max(Size, objects.Max(o => o.Number) + 1);
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}/Root {Root}");
        if (Info is not null) sb.Append("/Info ").Append(Info);
        if (Id is not null) sb.Append("/ID ").Append(Id);
        sb.Append(CultureInfo.InvariantCulture, $"/Prev {StartXref}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(out_, sb.ToString());
        return out_.ToArray();
    }

    private static void Write(Stream s, string text) => s.Write(Latin1.GetBytes(text));

    /// <summary>A text string as PDF writes Unicode: UTF-16BE with its byte-order mark, in hex.</summary>
    public static string TextString(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
}
