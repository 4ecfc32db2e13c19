using QRCoder;

namespace PhoChau.Core.Citizens;

/// <summary>QR codes drawn here, on the hall laptop: a receipt and the hall display need no internet.</summary>
public static class QrCodes
{
    /// <summary>A black-on-white PNG, <paramref name="pixelsPerModule"/> pixels a module, with the standard quiet zone.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string PngDataUri(string text, int pixelsPerModule = 8) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}
