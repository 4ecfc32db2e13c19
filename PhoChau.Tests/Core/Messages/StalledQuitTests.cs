using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Messages;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.Core.Messages;

/// <summary>
/// Issue 32.1: a mail the server accepted (250 after DATA) is the server's, whatever the QUIT after it does. Before,
/// a QUIT that never answered counted the mail as not sent, and the citizen got it again at the next attempt.
/// </summary>
public sealed class StalledQuitTests
{
    [Fact]
    public async Task A_mail_accepted_after_DATA_whose_QUIT_stalls_is_recorded_as_sent_and_never_sent_again()
    {
        await using var server = StallingQuitServer.Start();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.Configure<MessagesOptions>(o =>
            o.Email = new EmailOptions { Host = "127.0.0.1", Port = server.Port, Security = "None", From = "ubnd@phochau.gov.vn", TimeoutSeconds = 2 }));
        long id;
        await using (var db = host.NewDb())
        {
            var m = new OutboxMessage
            {
                IdempotencyKey = "quit-stalls", Channel = MessageChannel.Email, Kind = MessageKind.Test, Recipient = "congdan@example.vn",
                Subject = "Thông báo", Body = "Kiến nghị KN-2026-001 đã được tiếp nhận.",
            };
            Assert.True(await Outbox.EnqueueAsync(db, m, host.Clock.GetUtcNow().UtcDateTime, default));
            await db.SaveChangesAsync();
            id = m.Id;
        }
        var delivery = host.Get<OutboxDelivery>();

        await delivery.DeliverDueAsync();
        for (var i = 0; i < 5; i++) // every later round, as the worker runs them, well past any back-off
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await delivery.DeliverDueAsync();
        }

        await using var read = host.NewDb();
        var sent = await read.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(MessageState.Sent, sent.State);
        Assert.Equal(1, server.Accepted);
        Assert.True(server.QuitsSeen >= 1, "the client did say QUIT");
    }

    /// <summary>Answers SMTP as a real server does until QUIT, which it reads and never answers (a link that dies there).</summary>
    private sealed class StallingQuitServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<TcpClient> _held = [];
        private int _accepted, _quits;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Accepted => Volatile.Read(ref _accepted);
        public int QuitsSeen => Volatile.Read(ref _quits);

        public static StallingQuitServer Start()
        {
            var s = new StallingQuitServer();
            s._listener.Start();
            _ = s.AcceptLoopAsync();
            return s;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                lock (_held) _held.Add(client);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost ESMTP");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-localhost");
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 go on");
                            while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".") { }
                            Interlocked.Increment(ref _accepted);
                            await writer.WriteLineAsync("250 2.0.0 queued");
                            break;
                        case "QUIT":
                            Interlocked.Increment(ref _quits);
                            await Task.Delay(Timeout.Infinite, _stop.Token); // never answers
                            break;
                        default:
                            await writer.WriteLineAsync("250 ok");
                            break;
                    }
                }
            }
            catch (Exception) { } // the test ends the connection
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held) foreach (var c in _held) c.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
