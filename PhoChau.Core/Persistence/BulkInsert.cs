using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PhoChau.Core.Auditing;
using PhoChau.Core.Security;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Inserts many new rows of one entity with one prepared command, inside the caller's transaction, each followed by
/// its audit entry, as SaveChanges with the audit trail would but without tracking thousands of entities (a list of
/// 5,000 petitions costs a few kilobytes a row instead of a hundred). Columns, names and value conversions come from
/// the EF model, so the rows are exactly the ones SaveChanges writes.
/// </summary>
public sealed class BulkInsert<T> where T : class, IAudited
{
    private readonly PhoChauDbContext _db;
    private readonly Actor _actor;
    private readonly DateTime _now;
    private readonly Column[] _columns;
    private readonly DbCommand _insert;
    private readonly DbCommand _audit;
    private readonly Column[] _auditColumns;
    private readonly IProperty _key;

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, DbParameter Parameter);

    public BulkInsert(PhoChauDbContext db, Actor actor, DateTime nowUtc)
    {
        _db = db;
        _actor = actor;
        _now = nowUtc;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("BulkInsert needs the caller's transaction.");
        (_insert, _columns) = Prepare(db.Model.FindEntityType(typeof(T))!, connection, transaction);
        (_audit, _auditColumns) = Prepare(db.Model.FindEntityType(typeof(AuditEntry))!, connection, transaction);
        _key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0];
    }

    private static (DbCommand, Column[]) Prepare(IEntityType type, DbConnection connection, DbTransaction transaction)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsPrimaryKey()).ToList();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var list = columns.Select((p, i) => new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping(), null!)).ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            var parameter = list[i].Mapping.CreateParameter(command, "@p" + i, null, list[i].Property.IsNullable);
            command.Parameters.Add(parameter);
            list[i] = list[i] with { Parameter = parameter };
        }
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                              $"VALUES ({string.Join(", ", list.Select(c => c.Parameter.ParameterName))})" +
                              ";";
        command.Prepare();
        return (command, list);
    }

    /// <summary>Inserts the entity, sets its generated id, and writes its "created" audit entry.</summary>
    public Task AddAsync(T entity, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var changes = new List<AuditChange>(_columns.Length);
        foreach (var c in _columns)
        {
            var value = c.Property.PropertyInfo!.GetValue(entity);
            c.Parameter.Value = ToProvider(c, value);
            if (value is not null && !AuditTrailWriter.Derived.Contains(c.Property.Name))
                changes.Add(new AuditChange(c.Property.Name, null, AuditTrailWriter.Format(value)));
        }
        // SQLite answers synchronously: the async forms would only add allocations for thousands of rows.
        _insert.ExecuteNonQuery();
        // The new row's id straight from SQLite: no reader to build for a RETURNING clause.
        var id = checked((int)SQLitePCL.raw.sqlite3_last_insert_rowid(((Microsoft.Data.Sqlite.SqliteConnection)_insert.Connection!).Handle));
        _key.PropertyInfo!.SetValue(entity, id);
        var audit = new AuditEntry
        {
            AtUtc = _now, UserId = _actor.UserId, UserName = _actor.UserName, EntityType = typeof(T).Name,
            EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = AuditAction.Created, Changes = changes,
        };
        foreach (var c in _auditColumns) c.Parameter.Value = ToProvider(c, c.Property.PropertyInfo!.GetValue(audit));
        _audit.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private static object ToProvider(Column c, object? value) =>
        value is null ? DBNull.Value : (c.Mapping.Converter?.ConvertToProvider(value) ?? value);
}
