using PhoChau.Core.Calendar;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

using PhoChau.Core.Speakers;
using PhoChau.Core.Monitoring;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Several portal nodes on one PostgreSQL: a change saved on one node reaches every screen and hub subscriber on
/// every node. Each node NOTIFYs the others of its own changes on one channel and LISTENs to theirs (PostgreSQL's
/// own mechanism: a province runs one database server and nothing else). A change relayed here is announced
/// locally without its state; screens read the saved state themselves. Nothing runs on SQLite.
/// </summary>
public sealed class PostgresHallRelay(
    IDbContextFactory<PhoChauDbContext> dbFactory, DatabaseInfo database, HallNotifier notifier,
    CalendarService calendar, PortalMetrics metrics, TimeProvider clock, ILogger<PostgresHallRelay> log)
    : BackgroundService
{
    public const string Channel = "phochau_hall";
    private readonly string _node = Guid.NewGuid().ToString("N");
    private volatile bool _listening;
    private IDisposable? _subscription;

    /// <summary>Whether this node hears the others (readiness: a node that does not would show stale queues).</summary>
    public bool IsListening => database.IsSqlite || _listening;

    /// <summary>SentAt (Unix ms) gives the relay lag a province watches (phochau.hall.relay.lag; nodes keep their clocks by NTP).</summary>
    private sealed record Message(string Node, int Commune, int Dialogue, bool Queue, bool Requests, int[] Petitions, bool Calendar = false, long SentAt = 0);

    public override Task StartAsync(CancellationToken ct)
    {
        if (!database.IsSqlite)
        {
            _subscription = notifier.Subscribe(SendAsync);
            calendar.Changed += SendCalendar;
        }
        return base.StartAsync(ct);
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        calendar.Changed -= SendCalendar;
        await base.StopAsync(ct);
    }

    private Task SendAsync(HallChange change) => change.Remote ? Task.CompletedTask
        : NotifyAsync(new Message(_node, CommuneScope.Current, change.DialogueId, change.QueueChanged, change.RequestsChanged, [.. change.PetitionIds],
            SentAt: clock.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>A corrected calendar: the other nodes forget that commune's cached years (deadlines count from it).</summary>
    private void SendCalendar(int commune) =>
        _ = NotifyAsync(new Message(_node, commune, 0, false, false, [], Calendar: true)).ContinueWith(
            t => log.LogWarning("Không báo được thay đổi lịch cho các máy chủ khác: {Reason} / Could not tell the other nodes of a calendar change.", t.Exception?.GetBaseException().Message),
            TaskContinuationOptions.OnlyOnFaulted);

    private async Task NotifyAsync(Message message)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, JsonSerializer.Serialize(message)]);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (database.IsSqlite) return;
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                // A connection of its own, outside the pool, held for as long as the node listens.
                var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, KeepAlive = 5 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var cmd = new NpgsqlCommand($"LISTEN {Channel}", connection)) await cmd.ExecuteNonQueryAsync(ct);
                _listening = true;
                delay = TimeSpan.FromSeconds(1);
                log.LogInformation("Kênh hội trường đang nghe trên PostgreSQL {Channel}. / Hall relay listening on PostgreSQL.", Channel);
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _listening = false;
                log.LogWarning("Kênh hội trường mất kết nối PostgreSQL ({Reason}); thử lại sau {Delay} giây. / Hall relay lost its PostgreSQL connection, retrying.", ex.Message, delay.TotalSeconds);
                try { await Task.Delay(delay, ct); } catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var m = JsonSerializer.Deserialize<Message>(payload);
            if (m is null || m.Node == _node) return;
            if (m.SentAt > 0) metrics.RelayLag(TimeSpan.FromMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds() - m.SentAt));
            if (m.Calendar)
            {
                calendar.Invalidate(m.Commune);
                return;
            }
            using var _ = CommuneScope.Enter(m.Commune); // subscribers read the state as that commune
            notifier.Publish(new HallChange(m.Dialogue, m.Queue, m.Petitions) { RequestsChanged = m.Requests, Remote = true });
        }
        catch (JsonException ex)
        {
            log.LogWarning("Kênh hội trường bỏ qua một tin không đọc được: {Reason} / Hall relay ignored an unreadable message.", ex.Message);
        }
    }
}
