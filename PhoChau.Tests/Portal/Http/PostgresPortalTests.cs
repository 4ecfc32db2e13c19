using System.Net;
using PhoChau.Core.Backups;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Persistence;

namespace PhoChau.Tests.Portal.Http;

/// <summary>The portal with Database:Provider = PostgreSQL, on a fresh database of the test server.</summary>
public sealed class PostgresPortalTests
{
    [Fact]
    public async Task The_portal_runs_on_PostgreSQL_signs_in_serves_pages_and_leaves_backups_to_the_server()
    {
        await using var database = TestPostgres.Fresh("phochau_portal");
        await using (var factory = new PortalFactory { Postgres = database.ConnectionString })
        {
            var client = factory.NewClient();
            // Ready once migrated and listening to the other nodes (a moment after start).
            await WaitUntilAsync(async () => (await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "the node never became ready");
            Assert.Equal(DatabaseProvider.PostgreSQL, factory.Services.GetRequiredService<DatabaseInfo>().Provider);

            var admin = await factory.SignInAsync("admin", PortalFactory.AdminPassword);
            var dashboard = await admin.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            var html = await dashboard.Content.ReadAsStringAsync();
            Assert.DoesNotContain("data-testid=\"backup-age\"", html); // no .zip backups to remind of

            // A dialogue saved through the services is listed by the page, read back from the server.
            var secretary = new PhoChau.Core.Security.Actor("t", "t", new HashSet<string> { PhoChau.Core.Security.Roles.Secretary });
            var d = await factory.Services.GetRequiredService<DialogueService>().CreateAsync(secretary, new DialogueInput
            {
                Title = "Đối thoại trên PostgreSQL", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15),
            });
            Assert.Contains("Đối thoại trên PostgreSQL", System.Net.WebUtility.HtmlDecode(await (await admin.GetAsync("/dialogues")).Content.ReadAsStringAsync()));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/dialogues/{d.Id}")).StatusCode);

            var refused = await Assert.ThrowsAsync<BackupException>(() => factory.Services.GetRequiredService<BackupService>().CreateAsync(BackupReason.Manual));
            Assert.Contains("pg_dump", refused.Message);
            // Nor a backup passphrase to ask for: the page offers none on PostgreSQL.
            var backupsPage = await (await admin.GetAsync("/admin/backups")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("data-testid=\"backup-passphrase\"", backupsPage);
            Assert.Contains("data-testid=\"backup-folder\"", backupsPage);
        }
    }

    [Fact]
    public async Task A_calendar_corrected_on_one_node_counts_at_once_on_the_other()
    {
        await using var database = TestPostgres.Fresh("phochau_calendar");
        var connection = database.ConnectionString;
        var day = new DateOnly(2026, 10, 7); // a Wednesday
        await using var a = new PortalFactory { Postgres = connection };
        await using var b = new PortalFactory { Postgres = connection };
        // Ready means migrated and hearing the other nodes.
        await WaitUntilAsync(async () => (await a.NewClient().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "node A never became ready");
        await WaitUntilAsync(async () => (await b.NewClient().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "node B never became ready");
        var onB = b.Services.GetRequiredService<PhoChau.Core.Calendar.CalendarService>();
        Assert.True((await onB.GetCalendarAsync()).IsWorkingDay(day)); // cached on B

        var admin = new PhoChau.Core.Security.Actor("a", "admin", new HashSet<string> { PhoChau.Core.Security.Roles.Administrator });
        await a.Services.GetRequiredService<PhoChau.Core.Calendar.CalendarService>().AddCorrectionAsync(admin,
            new PhoChau.Core.Calendar.CalendarAdjustment(day, PhoChau.Core.Calendar.CalendarDayKind.DayOff, "Nghỉ bù", "Quyết định của UBND tỉnh"));

        await WaitUntilAsync(async () => !(await onB.GetCalendarAsync()).IsWorkingDay(day), "node B still counts the corrected day as a working day");

        // The link B listens on is cut (a server restart, a dropped connection): B says it is not ready, listens
        // again by itself, and hears the next change.
        var relayB = b.Services.GetRequiredService<PhoChau.Portal.Hosting.PostgresHallRelay>();
        await TestPostgres.AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}' AND query LIKE 'LISTEN%'");
        await WaitUntilAsync(() => Task.FromResult(!relayB.IsListening), "node B did not notice its lost link");
        var check = await new PhoChau.Portal.Hosting.HallRelayHealthCheck(relayB).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, check.Status); // /healthz: 503 meanwhile
        await WaitUntilAsync(async () => (await b.NewClient().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "node B did not listen again");
        var second = day.AddDays(1);
        Assert.True((await onB.GetCalendarAsync()).IsWorkingDay(second));
        await a.Services.GetRequiredService<PhoChau.Core.Calendar.CalendarService>().AddCorrectionAsync(admin,
            new PhoChau.Core.Calendar.CalendarAdjustment(second, PhoChau.Core.Calendar.CalendarDayKind.DayOff, "Nghỉ bù", "Quyết định của UBND tỉnh"));
        await WaitUntilAsync(async () => !(await onB.GetCalendarAsync()).IsWorkingDay(second), "node B missed a change after listening again");
    }

    /// <summary>
    /// Issue 32.8: one key for the province. A receipt's PIN printed on node A opens on node B (each node made its own PIN
    /// key before), and the key ring in the database is sealed with the master key outside it: a dump alone opens no scan.
    /// </summary>
    [Fact]
    public async Task A_PIN_printed_on_node_A_opens_on_node_B_and_the_key_ring_in_the_database_is_sealed_with_the_master_key()
    {
        await using var database = TestPostgres.Fresh("phochau_keys");
        var connection = database.ConnectionString;
        // Before the master key: a key written in clear, as a province's database holds it today.
        await using (var legacy = new PortalFactory { Postgres = connection })
            await WaitUntilAsync(async () => (await legacy.NewClient().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "the node never became ready");
        await TestPostgres.ExecuteAsync(connection, "INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ('key-legacy', " +
            "'<key id=\"6c4f7f0e-9a43-4a3b-9a55-0d7c7a1f0001\" version=\"1\"><descriptor><descriptor><masterKey p4:requiresEncryption=\"true\" " +
            "xmlns:p4=\"http://schemas.asp.net/2015/03/dataProtection\"><value>bGVnYWN5LWtleS1tYXRlcmlhbC1pbi1jbGVhcg==</value></masterKey></descriptor></descriptor></key>')");

        await using var a = new PortalFactory { Postgres = connection };
        await using var b = new PortalFactory { Postgres = connection };
        await WaitUntilAsync(async () => (await a.NewClient().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "node A never became ready");
        await WaitUntilAsync(async () => (await b.NewClient().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "node B never became ready");
        var secretary = new PhoChau.Core.Security.Actor("t", "thuky", new HashSet<string> { PhoChau.Core.Security.Roles.Secretary });
        var d = await a.Services.GetRequiredService<DialogueService>().CreateAsync(secretary, new DialogueInput
        {
            Title = "Đối thoại", Year = 2026, Quarter = 4, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15),
        });
        var p = await a.Services.GetRequiredService<PhoChau.Core.Petitions.PetitionService>().CreateAsync(secretary, new PhoChau.Core.Petitions.PetitionInput
        {
            Consent = true, DialogueId = d.Id, PetitionerName = "Lê Văn Tỉnh", Channel = PhoChau.Core.Petitions.PetitionChannel.OneStopDesk,
            ReceivedOn = new DateOnly(2026, 12, 1), Field = PhoChau.Core.Petitions.PetitionField.Other, Text = "Kiến nghị về đường thôn.",
        });

        var phone = b.NewClientFrom("192.168.1.60");
        var found = WebUtility.HtmlDecode(await (await PortalFactory.PostFormAsync(phone, "/tra-cuu", "lookup", ("Find.Code", p.Code), ("Find.Pin", p.IssuedPin!)))
            .Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"lookup-result\"", found);

        // Every key of the ring in the database is sealed, the one written in clear before included.
        var keys = await TestPostgres.QueryAsync(connection, "SELECT \"Xml\" FROM \"DataProtectionKeys\"");
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("requiresEncryption", xml);
            Assert.Contains("sealedWithMasterKey", xml);
        });
        Assert.DoesNotContain(keys, xml => xml.Contains("bGVnYWN5LWtleS1tYXRlcmlhbC1pbi1jbGVhcg=="));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
