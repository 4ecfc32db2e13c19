using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PhoChau.Core.Common;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>What a screen tells its operator when the database fails, on either provider.</summary>
public sealed class FailuresTests
{
    public static TheoryData<Exception, FailureKind> Cases => new()
    {
        { new SqliteException("full", 13), FailureKind.DiskFull },
        { new SqliteException("busy", 5), FailureKind.DatabaseBusy },
        { new SqliteException("readonly", 8), FailureKind.DatabaseUnavailable },
        { new DbUpdateException("save", new PostgresException("could not extend file", "ERROR", "ERROR", "53100")), FailureKind.DiskFull },
        { new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"), FailureKind.DatabaseBusy },
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), FailureKind.DatabaseUnavailable },
        { new InvalidOperationException("wrapped", new NpgsqlException("Failed to connect to 127.0.0.1:5432")), FailureKind.DatabaseUnavailable },
        { new PostgresException("syntax error", "ERROR", "ERROR", "42601"), FailureKind.Unexpected },
        { new DomainException("refused"), FailureKind.Refused },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_providers_failures_are_named_for_the_operator(Exception exception, FailureKind kind) =>
        Assert.Equal(kind, Failures.Classify(exception));

    [Fact]
    public async Task PostgreSQL_lost_while_running_fails_as_unavailable_saves_nothing_half_and_works_again_when_it_returns()
    {
        await using var database = TestPostgres.Fresh("phochau_lost");
        var connection = database.ConnectionString;
        await using var services = ProviderTests.Node(connection);
        await services.GetRequiredService<PhoChau.Core.Persistence.DatabaseInitializer>().InitializeAsync(new PhoChau.Core.Persistence.SeedOptions { AdminPassword = "Admin12345" });
        var village = await services.GetRequiredService<PhoChau.Core.Departments.VillageService>().AddAsync(PhoChau.Core.Security.Actor.System, "Thôn Vĩnh Tuy");
        var dialogues = services.GetRequiredService<PhoChau.Core.Dialogues.DialogueService>();
        var d = await dialogues.CreateAsync(CoreTestHost.Secretary, new PhoChau.Core.Dialogues.DialogueInput { Title = "Đối thoại", Year = 2026, Venue = "Hội trường", SessionDate = new DateOnly(2026, 12, 15) });
        var petitions = services.GetRequiredService<PetitionService>();
        PetitionInput Input(string name) => new()
        {
            DialogueId = d.Id, PetitionerName = name, VillageId = village.Id, Channel = PetitionChannel.OneStopDesk,
            ReceivedOn = new DateOnly(2026, 3, 1), Field = PetitionField.Other, Text = "Đề nghị sửa đường", Consent = true,
        };
        await petitions.CreateAsync(CoreTestHost.Secretary, Input("Trước khi mất kết nối"));

        await TestPostgres.AdminAsync($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}'");
        var lost = await Assert.ThrowsAnyAsync<Exception>(() => petitions.CreateAsync(CoreTestHost.Secretary, Input("Trong lúc mất kết nối")));
        Assert.Equal(FailureKind.DatabaseUnavailable, Failures.Classify(lost));

        await TestPostgres.AdminAsync($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS true");
        await petitions.CreateAsync(CoreTestHost.Secretary, Input("Sau khi có lại kết nối"));
        await using var db = await services.GetService<IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>()!.CreateDbContextAsync();
        Assert.Equal(["Sau khi có lại kết nối", "Trước khi mất kết nối"], await db.Petitions.Select(p => p.PetitionerName).OrderBy(n => n).ToListAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Petition))); // the failed save left no trace
    }
}
