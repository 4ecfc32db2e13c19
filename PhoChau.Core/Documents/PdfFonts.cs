using PdfSharp.Fonts;

namespace PhoChau.Core.Documents;

/// <summary>
/// The PDFs' one font family, as Decree 30 asks: Times New Roman where the system has it (Windows' own, or Linux's
/// msttcorefonts), otherwise Liberation Serif 2, shipped beside the program (pdf-fonts/, SIL OFL): it has Times New
/// Roman's metrics, so a line breaks where it would in Word, and every Vietnamese letter. PDFsharp embeds the glyphs
/// used, so the reader's machine needs neither.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Times New Roman";

    private static readonly object Gate = new();
    private static PdfFonts? _installed;

    private readonly Dictionary<string, string> _files;

    private PdfFonts(Dictionary<string, string> files) => _files = files;

    /// <summary>Installs the resolver for the process once (PDFsharp's setting is global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed is not null) return;
            GlobalFontSettings.FontResolver = _installed = Find();
        }
    }

    private static PdfFonts Find()
    {
        string[] faces = ["R", "B", "I", "BI"];
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        static string[] In(string folder, params string[] files) => files.Select(f => Path.Combine(folder, f)).ToArray();
        var candidates = new List<string[]>(); // each in the order of faces
        if (!string.IsNullOrEmpty(windows))
            candidates.Add(In(windows, "times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"));
        candidates.Add(In("/usr/share/fonts/truetype/msttcorefonts",
            "Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf"));
        candidates.Add(In(Path.Combine(AppContext.BaseDirectory, "pdf-fonts"),
            "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"));
        foreach (var files in candidates)
            if (files.All(File.Exists))
                return new PdfFonts(faces.Zip(files).ToDictionary(p => p.First, p => p.Second));
        throw new InvalidOperationException(
            $"Không tìm thấy phông chữ cho văn bản PDF (Times New Roman, hoặc Liberation Serif trong {Path.Combine(AppContext.BaseDirectory, "pdf-fonts")}).");
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch { (true, true) => "BI", (true, false) => "B", (false, true) => "I", _ => "R" });

    public byte[] GetFont(string faceName) => File.ReadAllBytes(_files[faceName]);
}
