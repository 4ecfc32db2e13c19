using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PhoChau.Core.Reports.Signing;

/// <summary>
/// A PNG read to its pixels (8 bits a sample: RGB and, when it has one, its alpha), so the signature and the seal can be
/// placed in a PDF as an image with a soft mask: a seal with a transparent background shows the text beneath it. Any
/// other file (a JPEG renamed .png, a truncated upload) is refused with a message the administrator can act on.
/// </summary>
public sealed record PngImage(int Width, int Height, byte[] Rgb, byte[]? Alpha)
{
    private static readonly byte[] Magic = [137, 80, 78, 71, 13, 10, 26, 10];
    private const int MaxSide = 4000; // a seal scanned at 600 dpi is ~850 px: this leaves room and refuses a bomb

    public static bool LooksLikePng(ReadOnlySpan<byte> bytes) => bytes.Length > 8 && bytes[..8].SequenceEqual(Magic);

    public static PngImage Decode(byte[] png)
    {
        if (!LooksLikePng(png)) throw new DomainException(CoreText.Get("Signing.ImageNotPng"));
        try
        {
            return DecodeChunks(png);
        }
        catch (Exception e) when (e is not DomainException)
        {
            throw new DomainException(CoreText.Get("Signing.ImageBroken"), e);
        }
    }

    private static PngImage DecodeChunks(byte[] png)
    {
        int width = 0, height = 0, depth = 0, colour = -1, interlace = 0;
        byte[]? palette = null, transparency = null;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            if (length < 0 || pos + 12 + length > png.Length) throw new InvalidDataException("chunk beyond the end");
            var data = png.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colour = data[9];
                    interlace = data[12];
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": transparency = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            pos += 12 + length;
            if (type == "IEND") break;
        }
        if (width is <= 0 or > MaxSide || height is <= 0 or > MaxSide) throw new DomainException(CoreText.Format("Signing.ImageSize", MaxSide));
        if (interlace != 0) throw new DomainException(CoreText.Get("Signing.ImageInterlaced"));
        var channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException("colour type") };
        if (depth is not (1 or 2 or 4 or 8 or 16) || (depth < 8 && colour is not (0 or 3)) || (colour == 3 && palette is null))
            throw new InvalidDataException("bit depth");

        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var step = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        inflate.ReadExactly(raw);

        var rgb = new byte[width * height * 3];
        var alpha = colour is 4 or 6 || transparency is not null ? new byte[width * height] : null;
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, row, 0, stride);
            Unfilter(filter, row, previous, step);
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                int Sample(int channel)
                {
                    if (depth == 8) return row[x * channels + channel];
                    if (depth == 16) return row[(x * channels + channel) * 2]; // the high byte
                    var bit = x * depth;
                    return (row[bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
                }
                switch (colour)
                {
                    case 3:
                        var index = Sample(0);
                        if (index * 3 + 2 >= palette!.Length) throw new InvalidDataException("palette index");
                        rgb[i * 3] = palette[index * 3]; rgb[i * 3 + 1] = palette[index * 3 + 1]; rgb[i * 3 + 2] = palette[index * 3 + 2];
                        if (alpha is not null) alpha[i] = index < transparency!.Length ? transparency[index] : (byte)255;
                        break;
                    case 0 or 4:
                        var g = depth < 8 ? (byte)(Sample(0) * 255 / ((1 << depth) - 1)) : (byte)Sample(0);
                        rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = g;
                        if (colour == 4) alpha![i] = (byte)Sample(1);
                        else if (alpha is not null) alpha[i] = transparency!.Length >= 2 && Sample(0) == BinaryPrimitives.ReadUInt16BigEndian(transparency) >> (depth == 16 ? 8 : 0) ? (byte)0 : (byte)255;
                        break;
                    default:
                        rgb[i * 3] = (byte)Sample(0); rgb[i * 3 + 1] = (byte)Sample(1); rgb[i * 3 + 2] = (byte)Sample(2);
                        if (colour == 6) alpha![i] = (byte)Sample(3);
                        else if (alpha is not null) alpha[i] = 255; // a tRNS colour key on RGB: rare; kept opaque
                        break;
                }
            }
            (previous, row) = (row, previous);
        }
        return new PngImage(width, height, rgb, alpha);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] up, int step)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= step ? row[i - step] : 0, b = up[i], c = i >= step ? up[i - step] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException("filter"),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
