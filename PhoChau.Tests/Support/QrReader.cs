using System.Diagnostics;

namespace PhoChau.Tests.Support;

/// <summary>
/// Reads QR codes the way a phone would, from pixels: poppler's pdftoppm turns a printed PDF into an image, zbarimg
/// decodes it. Without those tools a test is skipped with the reason; with PHOCHAU_REQUIRE_BROWSER=1 (CI) it fails.
/// </summary>
public static class QrReader
{
    public static void Require()
    {
        foreach (var tool in new[] { "/usr/bin/zbarimg", "/usr/bin/pdftoppm" })
        {
            if (File.Exists(tool)) continue;
            var reason = $"QR test skipped: {tool} not found (apt-get install -y zbar-tools poppler-utils).";
            if (Environment.GetEnvironmentVariable("PHOCHAU_REQUIRE_BROWSER") == "1") Assert.Fail(reason);
            Assert.Skip(reason);
        }
    }

    /// <summary>Every QR code zbarimg finds in the image, as text.</summary>
    public static async Task<IReadOnlyList<string>> DecodeImageAsync(string imagePath)
    {
        var (code, output, _) = await RunAsync("/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", imagePath);
        return code == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    /// <summary>Renders each page of the PDF at 200 dpi and decodes the QR codes on them; also returns the page count.</summary>
    public static async Task<(int Pages, IReadOnlyList<string> Codes)> DecodePdfAsync(string pdfPath)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdfPath)!, Path.GetFileNameWithoutExtension(pdfPath) + "-page");
        var (code, _, errors) = await RunAsync("/usr/bin/pdftoppm", "-r", "200", "-png", pdfPath, prefix);
        Assert.True(code == 0, "pdftoppm failed: " + errors);
        var pages = Directory.GetFiles(Path.GetDirectoryName(pdfPath)!, Path.GetFileName(prefix) + "*.png").Order().ToList();
        var codes = new List<string>();
        foreach (var page in pages) codes.AddRange(await DecodeImageAsync(page));
        return (pages.Count, codes);
    }

    /// <summary>Exit code, standard output (the decoded text), standard error (zbarimg also talks to D-Bus there).</summary>
    internal static async Task<(int Code, string Output, string Errors)> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }
}
