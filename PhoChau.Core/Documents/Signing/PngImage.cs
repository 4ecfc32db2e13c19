using StbImageSharp;

namespace PhoChau.Core.Documents.Signing;

/// <summary>
/// A PNG read to its pixels (8 bits a sample: RGB and, when it has one, its alpha), so the signature and the seal can be
/// placed in a PDF as an image with a soft mask: a seal with a transparent background shows the text beneath it. Any
/// other file (a JPEG renamed .png, a truncated upload) is refused with a message the administrator can act on.
/// The decoding is StbImageSharp's (a port of stb_image, kept up upstream; issue 34.5: it replaced a decoder of our own,
/// which refused interlaced files and 16-bit transparency keys).
/// </summary>
public sealed record PngImage(int Width, int Height, byte[] Rgb, byte[]? Alpha)
{
    private static readonly byte[] Magic = [137, 80, 78, 71, 13, 10, 26, 10];
    private const int MaxSide = 4000; // a seal scanned at 600 dpi is ~850 px: this leaves room and refuses a bomb

    public static bool LooksLikePng(ReadOnlySpan<byte> bytes) => bytes.Length > 8 && bytes[..8].SequenceEqual(Magic);

    public static PngImage Decode(byte[] png)
    {
        if (!LooksLikePng(png)) throw new DomainException(CoreText.Get("Signing.ImageNotPng"));
        ImageInfo? info;
        try
        {
            using var header = new MemoryStream(png, writable: false);
            info = ImageInfo.FromStream(header);
        }
        catch (Exception e)
        {
            throw new DomainException(CoreText.Get("Signing.ImageBroken"), e);
        }
        if (info is null) throw new DomainException(CoreText.Get("Signing.ImageBroken"));
        // The size is read from the header before any pixel is: a 50 000 × 50 000 image is refused, not allocated.
        if (info.Value.Width is <= 0 or > MaxSide || info.Value.Height is <= 0 or > MaxSide)
            throw new DomainException(CoreText.Format("Signing.ImageSize", MaxSide));

        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        }
        catch (Exception e)
        {
            throw new DomainException(CoreText.Get("Signing.ImageBroken"), e);
        }
        if (image.Data is null || image.Data.Length < image.Width * image.Height * 4) throw new DomainException(CoreText.Get("Signing.ImageBroken"));

        var pixels = image.Width * image.Height;
        var rgb = new byte[pixels * 3];
        // A transparency of its own (an alpha channel, or a palette's tRNS that stb_image turns into one), else none.
        var alpha = image.SourceComp is ColorComponents.GreyAlpha or ColorComponents.RedGreenBlueAlpha ? new byte[pixels] : null;
        for (var i = 0; i < pixels; i++)
        {
            rgb[i * 3] = image.Data[i * 4];
            rgb[i * 3 + 1] = image.Data[i * 4 + 1];
            rgb[i * 3 + 2] = image.Data[i * 4 + 2];
            if (alpha is not null) alpha[i] = image.Data[i * 4 + 3];
        }
        return new PngImage(image.Width, image.Height, rgb, alpha);
    }
}
