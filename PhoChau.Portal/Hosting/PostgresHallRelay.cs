using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PhoChau.Core.Persistence;

using PhoChau.Core.Speakers;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Several portal nodes on one PostgreSQL: a change saved on one node reaches every screen and hub subscriber on
/// every node. Each node NOTIFYs the others of its own changes on one channel and LISTENs to theirs (PostgreSQL's
/// own mechanism: a province runs one database server and nothing else). A change relayed here is announced
/// locally without its state; screens read the saved state themselves. Nothing runs on SQLite.
/// </summary>
public sealed class PostgresHallRelay(
    IDbContextFactory<PhoChauDbContext> dbFactory, DatabaseInfo database, HallNotifier notifier, ILogger<PostgresHallRelay> log)
    : BackgroundService
{
    public const string Channel = "phochau_hall";
    private readonly string _node = Guid.NewGuid().ToString("N");
    private volatile bool _listening;

    /// <summary>Whether this node hears the others (readiness: a node that does not would show stale queues).</summary>
    public bool IsListening => !database.IsSqlite ? _listening : true;

    private sealed record Message(string Node, int Dialogue, bool Queue, bool Requests, int[] Petitions);

    public override Task StartAsync(CancellationToken ct)
    {
        if (!database.IsSqlite) notifier.Changed += SendAsync;
        return base.StartAsync(ct);
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        notifier.Changed -= SendAsync;
        await base.StopAsync(ct);
    }

    private async Task SendAsync(HallChange change)
    {
        if (change.Remote) return;
        var payload = JsonSerializer.Serialize(new Message(_node, change.DialogueId, change.QueueChanged, change.RequestsChanged, [.. change.PetitionIds]));
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, payload]);
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
                log.LogInformation("Hall relay listening on PostgreSQL channel {Channel}.", Channel);
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _listening = false;
                log.LogWarning("Hall relay lost its PostgreSQL connection ({Reason}); retrying in {Delay} s.", ex.Message, delay.TotalSeconds);
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
            notifier.Publish(new HallChange(m.Dialogue, m.Queue, m.Petitions) { RequestsChanged = m.Requests, Remote = true });
        }
        catch (JsonException ex)
        {
            log.LogWarning("Hall relay ignored a message it cannot read: {Reason}", ex.Message);
        }
    }
}

/// <summary>Readiness: on PostgreSQL a node is ready only while it hears the other nodes' changes.</summary>
public sealed class HallRelayHealthCheck(PostgresHallRelay relay) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(relay.IsListening
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("Nhận được thay đổi từ các máy chủ khác / hears the other nodes")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy(
                "Chưa nhận được thay đổi từ các máy chủ khác (PostgreSQL LISTEN) / not yet hearing the other nodes' changes"));
}
