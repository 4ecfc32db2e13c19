using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Messages;
using PhoChau.Core.Persistence;
using PhoChau.Core.Choices;

namespace PhoChau.Tests.EndToEnd;

/// <summary>
/// Issue 24, as a province runs it: portal processes on one PostgreSQL and an SMS gateway on loopback. A node killed
/// while its gateway hangs leaves its claimed messages; two nodes started after it send every message once between
/// them (a request the dead node had made is repeated with the same id, for the gateway to recognise).
/// </summary>
public sealed class MessagesProcessTests
{
    [Fact]
    public async Task A_node_killed_while_sending_and_two_nodes_after_it_send_each_message_once()
    {
        await using var database = TestPostgres.Fresh("phochau_messages");
        var connection = database.ConnectionString;
        await using var gateway = await TestGateway.StartAsync();
        var hang = true;
        gateway.Respond = _ => new GatewayAnswer(200, "{\"CodeResult\":\"100\"}", hang ? TimeSpan.FromMinutes(5) : TimeSpan.Zero);
        Dictionary<string, string> Node(string url) => new()
        {
            ["ASPNETCORE_URLS"] = url, ["Data__Root"] = Directory.CreateTempSubdirectory("phochau-node").FullName,
            ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__Postgres"] = connection, ["Keys__MasterKeyFile"] = TestPostgres.MasterKeyFile, ["Seed__Demo"] = "false",
            ["Messages__Sms__Url"] = gateway.Url + "/sms", ["Messages__Sms__Body"] = "{\"to\":\"{phone}\",\"text\":\"{text}\",\"id\":\"{id}\"}",
            ["Messages__Sms__SuccessField"] = "CodeResult", ["Messages__Sms__SuccessValues"] = "100", ["Messages__Sms__TimeoutSeconds"] = "600",
            ["Messages__ClaimSeconds"] = "5", ["Messages__QuietFrom"] = "00:00", ["Messages__QuietUntil"] = "00:00", // any hour the tests run
        };

        var urlA = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        var a = PortalProcess.Start(Node(urlA));
        await a.WaitHealthyAsync(urlA);
        await using (var services = PhoChau.Tests.Core.Persistence.ProviderTests.Node(connection))
        await using (var db = await services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < 40; i++)
                await Outbox.EnqueueAsync(db, new OutboxMessage { IdempotencyKey = $"k{i}", Channel = MessageChannel.Sms, Kind = MessageKind.Test, Recipient = $"09{i:D8}", Subject = "", Body = $"Tin {i}" }, DateTime.UtcNow, default);
            await db.SaveChangesAsync();
        }
        // Node A claims a batch and hangs on the gateway; then it is killed.
        for (var i = 0; i < 120 && gateway.Requests.IsEmpty; i++) await Task.Delay(250);
        Assert.False(gateway.Requests.IsEmpty, "node A never reached the gateway:\n" + a.Output);
        await a.DisposeAsync(); // kills the process tree
        var inFlight = gateway.Requests.Select(IdOf).ToHashSet();
        hang = false;

        var urlB = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        var urlC = $"http://127.0.0.1:{PortalProcess.FreePort()}";
        await using var b = PortalProcess.Start(Node(urlB));
        await using var c = PortalProcess.Start(Node(urlC));
        await Task.WhenAll(b.WaitHealthyAsync(urlB), c.WaitHealthyAsync(urlC));
        await using var check = PhoChau.Tests.Core.Persistence.ProviderTests.Node(connection);
        var factory = check.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        int sent = 0;
        for (var i = 0; i < 240 && sent < 40; i++)
        {
            await Task.Delay(250);
            await using var db = await factory.CreateDbContextAsync();
            sent = await db.OutboxMessages.CountAsync(m => m.State == MessageState.Sent);
        }
        Assert.True(sent == 40, $"{sent} of 40 sent\nB:\n{b.Output}\nC:\n{c.Output}");
        await using (var db = await factory.CreateDbContextAsync())
            Assert.Equal(40, await db.OutboxMessages.CountAsync(m => m.Attempts == 1)); // the dead node's attempt was never recorded
        var requests = gateway.Requests.Select(IdOf).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(40, requests.Count);
        Assert.All(requests, r => Assert.Equal(inFlight.Contains(r.Key) ? 2 : 1, r.Value));
    }

    private static string IdOf(GatewayRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()!;
}
