using System.Security.Cryptography;
using System.Text;

namespace PhoChau.Tests.Support;

/// <summary>Files shaped like a citizen's scans: a JPEG photo of an ID card, a PDF of a land paper (with readable text).</summary>
public static class Scans
{
    public static byte[] Jpeg(int bytes = 30_000) =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, .. RandomNumberGenerator.GetBytes(bytes), 0xFF, 0xD9];

    public static byte[] Pdf(string text) =>
        Encoding.UTF8.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Giấy chứng nhận của {text}\n{Convert.ToBase64String(RandomNumberGenerator.GetBytes(2000))}\n%%EOF\n");
}
