using PhoChau.Core.Common;
using PhoChau.Core.Documents.Signing;

namespace PhoChau.Tests.Core.Reports;

/// <summary>Issue 34.5: the seal's and the signature's PNG read by StbImageSharp, refused in Vietnamese when unreadable.</summary>
public sealed class PngImageTests
{
    [Fact]
    public void A_seal_with_a_transparent_background_reads_to_its_colours_and_its_alpha()
    {
        var image = PngImage.Decode(TestSigning.SealPng(120));

        Assert.Equal((120, 120), (image.Width, image.Height));
        Assert.NotNull(image.Alpha);
        Assert.Equal(0, image.Alpha![0]); // the corner: clear
        var ring = 60 * 120 + 3; // on the ring, left of the centre
        Assert.Equal(255, image.Alpha[ring]);
        Assert.Equal(new byte[] { 220, 20, 20 }, image.Rgb.AsSpan(ring * 3, 3).ToArray());
    }

    [Fact]
    public void An_image_without_transparency_has_no_alpha()
    {
        var image = PngImage.Decode(TestSigning.Png(30, 10, (x, _) => ((byte)(x * 8), 100, 200, 255), withAlpha: false));

        Assert.Null(image.Alpha);
        Assert.Equal(new byte[] { 80, 100, 200 }, image.Rgb.AsSpan((0 * 30 + 10) * 3, 3).ToArray());
    }

    [Fact]
    public void A_jpeg_a_truncated_file_and_one_too_large_are_refused_in_Vietnamese()
    {
        var notPng = Assert.Throws<DomainException>(() => PngImage.Decode(Scans.Jpeg()));
        Assert.Contains("không phải PNG", notPng.Message);

        var whole = TestSigning.SealPng(200);
        var broken = Assert.Throws<DomainException>(() => PngImage.Decode(whole[..(whole.Length / 2)]));
        Assert.Contains("bị hỏng", broken.Message);

        // 5 000 px wide: refused from its header, before any pixel is read.
        var large = Assert.Throws<DomainException>(() => PngImage.Decode(TestSigning.Png(5000, 1, (_, _) => (0, 0, 0, 255))));
        Assert.Contains("4000", large.Message);
    }
}
