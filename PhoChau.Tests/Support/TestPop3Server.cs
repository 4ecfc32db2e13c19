using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace PhoChau.Tests.Support;

/// <summary>
/// A POP3 mailbox on a loopback port (RFC 1939, with CAPA, TOP and UIDL): what a commune's mail server offers for the
/// bounce mailbox. Deletions take effect at QUIT only, as the RFC says; a wrong password is refused.
/// </summary>
public sealed class TestPop3Server : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _mailbox = [];
    public int Port { get; }
    public string UserName { get; init; } = "bounce";
    public string Password { get; init; } = "pw";

    private TestPop3Server()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public static TestPop3Server Start() => new();

    /// <summary>Puts a mail in the mailbox, as its server would store it (CRLF lines).</summary>
    public void Deliver(MimeMessage mail)
    {
        using var ms = new MemoryStream();
        mail.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, ms);
        lock (_mailbox) _mailbox.Add(Encoding.UTF8.GetString(ms.ToArray()));
    }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_mailbox) return _mailbox.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m)))).ToList();
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        List<string> mails;
        lock (_mailbox) mails = [.. _mailbox];
        var deleted = new HashSet<int>();
        var user = "";
        var signedIn = false;
        await writer.WriteLineAsync("+OK test POP3 ready");
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var command = parts.Length > 0 ? parts[0].ToUpperInvariant() : "";
                int Number() => parts.Length > 1 && int.TryParse(parts[1], out var n) && n >= 1 && n <= mails.Count && !deleted.Contains(n) ? n : 0;
                switch (command)
                {
                    case "CAPA":
                        await writer.WriteAsync("+OK\r\nUSER\r\nTOP\r\nUIDL\r\n.\r\n");
                        break;
                    case "USER":
                        user = parts.Length > 1 ? parts[1] : "";
                        await writer.WriteLineAsync("+OK");
                        break;
                    case "PASS":
                        signedIn = user == UserName && line.Length > 5 && line[5..] == Password;
                        await writer.WriteLineAsync(signedIn ? "+OK signed in" : "-ERR [AUTH] wrong user name or password");
                        break;
                    case "QUIT":
                        if (signedIn)
                            lock (_mailbox)
                                foreach (var n in deleted.OrderDescending()) _mailbox.Remove(mails[n - 1]);
                        await writer.WriteLineAsync("+OK bye");
                        return;
                    case "NOOP":
                        await writer.WriteLineAsync("+OK");
                        break;
                    case var _ when !signedIn:
                        await writer.WriteLineAsync("-ERR sign in first");
                        break;
                    case "STAT":
                        var kept = Enumerable.Range(1, mails.Count).Where(n => !deleted.Contains(n)).ToList();
                        await writer.WriteLineAsync($"+OK {kept.Count} {kept.Sum(n => Encoding.UTF8.GetByteCount(mails[n - 1]))}");
                        break;
                    case "LIST" or "UIDL" when parts.Length == 1:
                        var listing = new StringBuilder("+OK\r\n");
                        for (var n = 1; n <= mails.Count; n++)
                            if (!deleted.Contains(n)) listing.Append($"{n} {(command == "LIST" ? Encoding.UTF8.GetByteCount(mails[n - 1]).ToString() : "uid" + mails[n - 1].GetHashCode().ToString("x"))}\r\n");
                        await writer.WriteAsync(listing.Append(".\r\n").ToString());
                        break;
                    case "LIST" or "UIDL":
                        var one = Number();
                        await writer.WriteLineAsync(one == 0 ? "-ERR no such message" : $"+OK {one} {(command == "LIST" ? Encoding.UTF8.GetByteCount(mails[one - 1]).ToString() : "uid" + mails[one - 1].GetHashCode().ToString("x"))}");
                        break;
                    case "RETR" or "TOP":
                        var m = Number();
                        if (m == 0) { await writer.WriteLineAsync("-ERR no such message"); break; }
                        var text = mails[m - 1];
                        if (command == "TOP")
                        {
                            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                            var bodyLines = parts.Length > 2 && int.TryParse(parts[2], out var k) ? k : 0;
                            var body = headerEnd < 0 ? [] : text[(headerEnd + 4)..].Split("\r\n").Take(bodyLines);
                            text = (headerEnd < 0 ? text : text[..(headerEnd + 4)]) + string.Concat(body.Select(l => l + "\r\n"));
                        }
                        var reply = new StringBuilder("+OK\r\n");
                        var lines = text.Split("\r\n");
                        // Every line as it is (the blank line after the headers too); only the split's empty tail is not a line.
                        foreach (var l in text.EndsWith("\r\n", StringComparison.Ordinal) ? lines[..^1] : lines) reply.Append(l.StartsWith('.') ? "." + l : l).Append("\r\n");
                        await writer.WriteAsync(reply.Append(".\r\n").ToString());
                        break;
                    case "DELE":
                        var d = Number();
                        if (d > 0) deleted.Add(d);
                        await writer.WriteLineAsync(d > 0 ? "+OK deleted" : "-ERR no such message");
                        break;
                    case "RSET":
                        deleted.Clear();
                        await writer.WriteLineAsync("+OK");
                        break;
                    default:
                        await writer.WriteLineAsync("-ERR unknown command");
                        break;
                }
            }
        }
        catch (IOException) { } // the client went away: no QUIT, nothing deleted
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { }
        _stop.Dispose();
    }
}
