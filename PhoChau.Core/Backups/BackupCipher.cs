using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PhoChau.Core.Backups;

/// <summary>
/// How a backup is sealed: the plain backup zip (manifest, database, scans, PIN key) is encrypted as one stream with
/// AES-256-GCM in 1 MiB chunks, each chunk's nonce carrying its number and a last-chunk flag, so a chunk moved,
/// dropped, cut off or changed fails its tag. The keys come from the passphrase's key by HKDF with a salt of the
/// archive's own; the header (written beside the payload, in clear, without any personal data) is bound into every
/// chunk, and carries a check value that tells a wrong passphrase from an archive changed after it was written.
/// </summary>
public static class BackupCipher
{
    public const string HeaderEntry = "phochau-backup.json";
    public const string PayloadEntry = "payload.bin";
    public const string NoticeEntry = "DOC-TRUOC-README.txt";
    public const string Format = "phochau-backup-encrypted";
    public const int ChunkBytes = 1 << 20;

    /// <summary>The most a sealed payload may open to: the database and every scan, each under the part cap.</summary>
    public const long MaxPlainBytes = 4 * BackupArchive.MaxPartBytes;
    private const int TagBytes = 16;

    public sealed record Header
    {
        public string Format { get; init; } = BackupCipher.Format;
        public int FormatVersion { get; init; } = 2;
        public string PortalVersion { get; init; } = "";
        public DateTime CreatedAtUtc { get; init; }
        public BackupReason Reason { get; init; }
        public string Cipher { get; init; } = "AES-256-GCM";
        public string Kdf { get; init; } = "PBKDF2-SHA256";
        public int Rounds { get; init; }
        public string Salt { get; init; } = "";
        public string FileSalt { get; init; } = "";
        public string KeyCheck { get; init; } = "";
        public int ChunkBytes { get; init; } = BackupCipher.ChunkBytes;
    }

    public const string Notice =
        "Bản sao lưu này đã được mã hóa (AES-256-GCM). Chỉ khôi phục được bằng Cổng đối thoại PhoChau và mật khẩu sao lưu của xã." +
        "\r\nThis backup is encrypted (AES-256-GCM). Only the PhoChau portal with the commune's backup passphrase can restore it.\r\n";

    /// <summary>A new header for an archive sealed with <paramref name="masterKey"/> (derived from <paramref name="salt"/>).</summary>
    public static (Header Header, byte[] Bytes) NewHeader(byte[] masterKey, byte[] salt, int rounds, string portalVersion, DateTime createdAtUtc, BackupReason reason)
    {
        var fileSalt = RandomNumberGenerator.GetBytes(32);
        var header = new Header
        {
            PortalVersion = portalVersion, CreatedAtUtc = createdAtUtc, Reason = reason, Rounds = rounds,
            Salt = Convert.ToBase64String(salt), FileSalt = Convert.ToBase64String(fileSalt),
            KeyCheck = Convert.ToBase64String(CheckValue(masterKey, fileSalt)),
        };
        return (header, JsonSerializer.SerializeToUtf8Bytes(header, BackupArchive.Json));
    }

    public static Header ReadHeader(byte[] bytes)
    {
        try
        {
            var header = JsonSerializer.Deserialize<Header>(bytes, BackupArchive.Json);
            if (header is null || header.Format != Format) throw new BackupException("Backup.NotOurs");
            if (header.FormatVersion > 2) throw new BackupException("Backup.NewerFormat");
            if (header.ChunkBytes is < 1024 or > 64 << 20 || header.Rounds is < 100_000 or > 10_000_000) throw new BackupException("Backup.NotOurs");
            return header;
        }
        catch (JsonException ex) { throw new BackupException("Backup.NotOurs", ex); }
        catch (FormatException ex) { throw new BackupException("Backup.NotOurs", ex); }
    }

    /// <summary>The archive's key from the passphrase; a wrong passphrase is told apart by the header's check value.</summary>
    public static byte[] KeyFromPassphrase(Header header, string passphrase)
    {
        var master = BackupKey.Derive(passphrase, Convert.FromBase64String(header.Salt), header.Rounds);
        if (!CryptographicOperations.FixedTimeEquals(CheckValue(master, Convert.FromBase64String(header.FileSalt)), Convert.FromBase64String(header.KeyCheck)))
            throw new BackupException("Restore.WrongPassphrase");
        return master;
    }

    private static byte[] CheckValue(byte[] master, byte[] fileSalt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 16, fileSalt, "phochau-backup-check"u8.ToArray());

    private static byte[] PayloadKey(byte[] master, Header header) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, Convert.FromBase64String(header.FileSalt), "phochau-backup-payload"u8.ToArray());

    /// <summary>A write-only stream that seals what is written into <paramref name="output"/>; disposing it writes the last chunk.</summary>
    public static Stream Encrypt(Stream output, byte[] masterKey, Header header, byte[] headerBytes) =>
        new SealingStream(output, new AesGcm(PayloadKey(masterKey, header), TagBytes), SHA256.HashData(headerBytes), header.ChunkBytes);

    /// <summary>Opens the sealed payload into <paramref name="output"/>; any change, cut or wrong key is a <see cref="BackupException"/>.</summary>
    public static async Task DecryptAsync(Stream input, Stream output, byte[] masterKey, Header header, byte[] headerBytes, CancellationToken ct)
    {
        using var aes = new AesGcm(PayloadKey(masterKey, header), TagBytes);
        var aad = SHA256.HashData(headerBytes);
        var sealedChunk = new byte[header.ChunkBytes + TagBytes];
        var plain = new byte[header.ChunkBytes];
        long total = 0;
        for (long counter = 0; ; counter++)
        {
            var read = await input.ReadAtLeastAsync(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false, ct);
            var last = read < sealedChunk.Length;
            if (read < TagBytes) throw new BackupException("Restore.ArchiveChanged");
            var length = read - TagBytes;
            try
            {
                aes.Decrypt(Nonce(counter, last), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, TagBytes), plain.AsSpan(0, length), aad);
            }
            catch (AuthenticationTagMismatchException ex) { throw new BackupException("Restore.ArchiveChanged", ex); }
            // Never more than any real backup could hold, even one sealed with the right key.
            if ((total += length) > MaxPlainBytes) throw new BackupException("Backup.CorruptZip");
            await output.WriteAsync(plain.AsMemory(0, length), ct);
            if (last) return;
        }
    }

    private static byte[] Nonce(long counter, bool last)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }

    /// <summary>Chunks of exactly ChunkBytes until the end; the last one is always shorter (possibly empty), so a cut shows.</summary>
    private sealed class SealingStream(Stream output, AesGcm aes, byte[] aad, int chunkBytes) : Stream
    {
        private readonly byte[] _buffer = new byte[chunkBytes];
        private readonly byte[] _sealed = new byte[chunkBytes + TagBytes];
        private int _filled;
        private long _counter;
        private long _written;
        private bool _closed;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        // Sealing is CPU work on a buffer already in memory: the async forms do it in place.
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var take = Math.Min(buffer.Length, _buffer.Length - _filled);
                buffer[..take].CopyTo(_buffer.AsSpan(_filled));
                _filled += take;
                _written += take;
                buffer = buffer[take..];
                if (_filled == _buffer.Length) Seal(last: false);
            }
        }

        private void Seal(bool last)
        {
            aes.Encrypt(Nonce(_counter++, last), _buffer.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), _sealed.AsSpan(_filled, TagBytes), aad);
            output.Write(_sealed, 0, _filled + TagBytes);
            _filled = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                _closed = true;
                Seal(last: true);
                output.Flush();
                aes.Dispose();
            }
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_closed;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    internal static byte[] NoticeBytes => Encoding.UTF8.GetBytes(Notice);
}
