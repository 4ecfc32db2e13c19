using System.Collections;
using QRCoder;

namespace PhoChau.Core.Documents;

/// <summary>QR codes drawn here, on the hall laptop (a receipt, the hall display, a printed paper): no internet needed.</summary>
public static class QrCodes
{
    /// <summary>A black-on-white PNG, <paramref name="pixelsPerModule"/> pixels a module, with the standard quiet zone.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The code's modules row by row, quiet zone included, true for dark (a PDF page draws them as squares).</summary>
    public static IReadOnlyList<BitArray> Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.ToList();
    }

    public static string PngDataUri(string text, int pixelsPerModule = 8) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}
