using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Auditing;
using PhoChau.Core.Persistence;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Persistence;

/// <summary>The import's bulk insert writes the rows and audit entries SaveChanges writes, value for value.</summary>
public sealed class BulkInsertTests
{
    private static Petition Sample(int dialogueId, int number, int villageId) => new()
    {
        DialogueId = dialogueId, Number = number, Code = $"KN-2026-{number:D4}", PetitionerKind = PetitionerKind.Organisation,
        PetitionerName = "Hợp tác xã Phổ Châu", VillageId = villageId, Phone = "0905123456", Address = "",
        IdCardNumber = null, Channel = PetitionChannel.VillageHead, ReceivedOn = new DateOnly(2026, 2, 20),
        Field = PetitionField.AdministrativeProcedure, ProcedureName = "=HYPERLINK(\"x\")", Text = "Đề nghị \"sửa\" đường <b>liên thôn</b>\nvà 0012",
        AnswerDueDate = new DateOnly(2026, 3, 9),
        AssignedAtUtc = new DateTime(2026, 3, 2, 9, 15, 30, DateTimeKind.Utc).AddTicks(1_234_567),
        CreatedAtUtc = new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc), ReplyChannel = ReplyChannel.Post,
        PinHash = "hash", PinIssuedAtUtc = new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc), SearchText = "hop tac xa", NameSortKey = "hop tac xa",
    };

    [Fact]
    public async Task A_bulk_inserted_petition_and_its_audit_match_what_SaveChanges_writes()
    {
        await using var host = await CoreTestHost.StartAsync();
        var village = await WorkflowData.VillageAsync(host, "Thôn Vĩnh Tuy");
        var d = await WorkflowData.DialogueAsync(host);

        var bySave = Sample(d.Id, 1, village.Id);
        await using (var db = host.NewDb())
        {
            db.Petitions.Add(bySave);
            await db.SaveChangesAsync(CoreTestHost.Secretary);
        }
        var byBulk = Sample(d.Id, 2, village.Id);
        await using (var db = host.NewDb())
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            using (var bulk = new BulkInsert<Petition>(db, CoreTestHost.Secretary, DateTime.UtcNow))
                await bulk.AddAsync(byBulk, CancellationToken.None);
            await tx.CommitAsync();
        }
        Assert.True(byBulk.Id > bySave.Id);

        await using var connection = new SqliteConnection(host.NewDb().Database.GetConnectionString());
        await connection.OpenAsync();
        var saved = await RowAsync(connection, "Petitions", "Id", bySave.Id);
        var bulked = await RowAsync(connection, "Petitions", "Id", byBulk.Id);
        foreach (var (column, value) in saved)
        {
            if (column is "Id" or "Number" or "Code") continue;
            Assert.True(Equals(value, bulked[column]), $"{column}: SaveChanges wrote {value}, the bulk insert {bulked[column]}");
        }
        Assert.Equal("('', 'String')", $"('{saved["Address"].Value}', '{saved["Address"].Type}')"); // an empty text stays text, not NULL

        var savedAudit = await RowAsync(connection, "AuditEntries", "EntityId", bySave.Id.ToString(), "EntityType", "Petition");
        var bulkAudit = await RowAsync(connection, "AuditEntries", "EntityId", byBulk.Id.ToString(), "EntityType", "Petition");
        foreach (var column in new[] { "UserId", "UserName", "EntityType", "Action" })
            Assert.Equal(savedAudit[column], bulkAudit[column]);
        List<AuditChange> Changes(Dictionary<string, (object? Value, string Type)> row) =>
            JsonSerializer.Deserialize<List<AuditChange>>((string)row["Changes"].Value!)!.Where(c => c.Field is not ("Number" or "Code")).ToList();
        Assert.Equal(Changes(savedAudit), Changes(bulkAudit));
        // Written as the EF converter writes it (JsonSerializer's defaults), byte for byte.
        var bulkJson = (string)bulkAudit["Changes"].Value!;
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<List<AuditChange>>(bulkJson), JsonSerializerOptions.Default), bulkJson);
        Assert.Contains(Changes(bulkAudit), c => c.Field == "Text" && c.New == byBulk.Text);

        // And EF reads the bulk row back as the entity that was written.
        await using var read = host.NewDb();
        var back = await read.Petitions.AsNoTracking().SingleAsync(p => p.Id == byBulk.Id);
        Assert.Equal((byBulk.AssignedAtUtc, byBulk.ReceivedOn, byBulk.Field, byBulk.ReplyChannel, byBulk.Text, byBulk.Address),
            (back.AssignedAtUtc, back.ReceivedOn, back.Field, back.ReplyChannel, back.Text, back.Address));
    }

    private static async Task<Dictionary<string, (object? Value, string Type)>> RowAsync(SqliteConnection connection, string table, string key, object id,
        string? key2 = null, string? value2 = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = $id" + (key2 is null ? "" : $" AND \"{key2}\" = $v2");
        cmd.Parameters.AddWithValue("$id", id);
        if (key2 is not null) cmd.Parameters.AddWithValue("$v2", value2);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no {table} row {id}");
        var row = new Dictionary<string, (object? Value, string Type)>();
        for (var i = 0; i < reader.FieldCount; i++)
            row[reader.GetName(i)] = (reader.IsDBNull(i) ? null : reader.GetValue(i), reader.GetFieldType(i).Name);
        Assert.False(await reader.ReadAsync());
        return row;
    }
}
