namespace PhoChau.Tests.Support;

/// <summary>
/// An independent PDF reader for the portal's PDFs: poppler's pdftotext, pdffonts and pdfinfo. Without them a test is
/// skipped with the reason; with PHOCHAU_REQUIRE_BROWSER=1 (CI, which installs poppler-utils) it fails.
/// </summary>
public static class Poppler
{
    public static void Require()
    {
        foreach (var tool in new[] { "/usr/bin/pdftotext", "/usr/bin/pdffonts", "/usr/bin/pdfinfo" })
        {
            if (File.Exists(tool)) continue;
            var reason = $"PDF test skipped: {tool} not found (apt-get install -y poppler-utils).";
            if (Environment.GetEnvironmentVariable("PHOCHAU_REQUIRE_BROWSER") == "1") Assert.Fail(reason);
            Assert.Skip(reason);
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var (code, output, errors) = await QrReader.RunAsync(tool, args);
        Assert.True(code == 0, $"{Path.GetFileName(tool)} failed ({code}): {errors}");
        return output;
    }

    /// <summary>The text as a reader extracts it, in reading order, with runs of spaces as one.</summary>
    public static async Task<string> TextAsync(string pdf) =>
        System.Text.RegularExpressions.Regex.Replace(await RunAsync("/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"), "[ \t]+", " ");

    /// <summary>pdffonts' rows: the font's name, and whether it is embedded (columns as its line of dashes marks them).</summary>
    public static async Task<IReadOnlyList<(string Name, bool Embedded)>> FontsAsync(string pdf)
    {
        var lines = (await RunAsync("/usr/bin/pdffonts", pdf)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var dashes = lines[1];
        var nameEnd = dashes.IndexOf(' ');
        var emb = header.IndexOf(" emb ", StringComparison.Ordinal) + 1;
        return lines.Skip(2).Select(l => (l[..nameEnd].Trim(), l.Substring(emb, 3) == "yes")).ToList();
    }

    public static async Task<string> InfoAsync(string pdf) => await RunAsync("/usr/bin/pdfinfo", pdf);
}

/// <summary>poppler's pdfsig and pdftoppm: an independent check of a signed PDF and a look at its pages.</summary>
public static class PopplerSignatures
{
    public static void Require()
    {
        Poppler.Require();
        foreach (var tool in new[] { "/usr/bin/pdfsig", "/usr/bin/pdftoppm" })
        {
            if (File.Exists(tool)) continue;
            var reason = $"PDF test skipped: {tool} not found (apt-get install -y poppler-utils).";
            if (Environment.GetEnvironmentVariable("PHOCHAU_REQUIRE_BROWSER") == "1") Assert.Fail(reason);
            Assert.Skip(reason);
        }
    }

    /// <summary>pdfsig's report (it exits non-zero when a signature is not valid: the report is returned as it is).</summary>
    public static async Task<string> ReportAsync(string pdf)
    {
        var (_, output, errors) = await QrReader.RunAsync("/usr/bin/pdfsig", pdf);
        return output + errors;
    }

    public static bool Red(byte r, byte g, byte b) => r > 180 && g < 90 && b < 90;
    public static bool Blue(byte r, byte g, byte b) => b > 150 && r < 100;

    /// <summary>
    /// How many pixels of a colour a page rendered at 72 dpi has in a box given in PDF points (from the lower left
    /// corner, as the signature's room is kept), widened by <paramref name="margin"/> points on each side.
    /// </summary>
    public static int Count(PhoChau.Core.Documents.Signing.PngImage page, double x, double y, double width, double height, Func<byte, byte, byte, bool> colour, double margin = 0)
    {
        var n = 0;
        for (var row = Math.Max(0, (int)(page.Height - y - height - margin)); row < Math.Min(page.Height, page.Height - y + margin); row++)
        for (var col = Math.Max(0, (int)(x - margin)); col < Math.Min(page.Width, x + width + margin); col++)
        {
            var i = (row * page.Width + col) * 3;
            if (colour(page.Rgb[i], page.Rgb[i + 1], page.Rgb[i + 2])) n++;
        }
        return n;
    }

    /// <summary>A test's PDF kept for a person to look at (the README's picture is made from these): PHOCHAU_TEST_ARTIFACTS=/folder.</summary>
    public static string Keep(string path)
    {
        if (Environment.GetEnvironmentVariable("PHOCHAU_TEST_ARTIFACTS") is { Length: > 0 } keep)
            File.Copy(path, Path.Combine(Directory.CreateDirectory(keep).FullName, Path.GetFileName(path)), true);
        return path;
    }

    /// <summary>One page rendered at <paramref name="dpi"/> and read back to its pixels.</summary>
    public static async Task<PhoChau.Core.Documents.Signing.PngImage> PageAsync(string pdf, int page, int dpi = 72)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-page");
        var (code, _, errors) = await QrReader.RunAsync("/usr/bin/pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-singlefile", "-png", pdf, prefix);
        Assert.True(code == 0, "pdftoppm failed: " + errors);
        return PhoChau.Core.Documents.Signing.PngImage.Decode(await File.ReadAllBytesAsync(prefix + ".png"));
    }
}
