using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using PhoChau.Core.Auditing;
using SQLitePCL;

namespace PhoChau.Core.Persistence;

/// <summary>
/// Inserts many new rows of one entity with one prepared statement, inside the caller's transaction, each followed by
/// its audit entry, as SaveChanges with the audit trail would but without tracking thousands of entities. Columns,
/// names and value conversions come from the EF model and values are written as Microsoft.Data.Sqlite writes them,
/// so the rows are the ones SaveChanges writes (a test compares them). Text is bound straight from the strings and
/// the audit's JSON is written into one reused buffer: a 5,000-row import no longer allocates a UTF-8 copy of every
/// value and a JSON string per row.
/// </summary>
public sealed class BulkInsert<T> : IDisposable where T : class, IAudited
{
    private readonly Actor _actor;
    private readonly DateTime _now;
    private readonly sqlite3 _handle;
    private readonly sqlite3_stmt _insert;
    private readonly Column[] _columns;
    private readonly sqlite3_stmt _audit;
    private readonly (int Index, object? Value)[] _auditFixed;
    private readonly int _auditEntityId;
    private readonly int _auditChanges;
    private readonly IProperty _key;
    private readonly ArrayBufferWriter<byte> _json = new(8192);
    private readonly Utf8JsonWriter _writer;
    private readonly int _communeId;

    private sealed record Column(IProperty Property, int Index, ValueConverter? Converter, bool Audited);

    private delegate object? ValueConverter(object value);

    public BulkInsert(PhoChauDbContext db, Actor actor, DateTime nowUtc)
    {
        _actor = actor;
        _now = nowUtc;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("BulkInsert needs the caller's transaction.");
        _handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var entity = db.Model.FindEntityType(typeof(T))!;
        (_insert, _columns) = Prepare(entity);
        var auditType = db.Model.FindEntityType(typeof(AuditEntry))!;
        (_audit, var auditColumns) = Prepare(auditType);
        _key = entity.FindPrimaryKey()!.Properties[0];
        _auditEntityId = auditColumns.Single(c => c.Property.Name == nameof(AuditEntry.EntityId)).Index;
        _auditChanges = auditColumns.Single(c => c.Property.Name == nameof(AuditEntry.Changes)).Index;
        // Who, when, what kind: the same for every row, converted once.
        _communeId = db.CurrentCommuneId;
        var template = new AuditEntry { CommuneId = _communeId, AtUtc = _now, UserId = actor.UserId, UserName = actor.UserName, EntityType = typeof(T).Name, Action = AuditAction.Created };
        _auditFixed = auditColumns.Where(c => c.Index != _auditEntityId && c.Index != _auditChanges)
            .Select(c => (c.Index, ToProvider(c, c.Property.PropertyInfo!.GetValue(template)))).ToArray();
        // The options JsonSerializer.Default uses for the EF converter of AuditEntry.Changes: the same text.
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JsonSerializerOptions.Default.Encoder });
    }

    private (sqlite3_stmt, Column[]) Prepare(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsPrimaryKey()).ToList();
        var columns = properties.Select((p, i) =>
        {
            var converter = p.GetTypeMapping().Converter;
            return new Column(p, i + 1, converter is null ? null : converter.ConvertToProvider.Invoke, !AuditTrailWriter.Derived.Contains(p.Name) && p.Name != nameof(IVersioned.Version));
        }).ToArray();
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(c => "?" + c.Index))});";
        Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return (statement, columns);
    }

    /// <summary>Inserts the entity, sets its generated id, and writes its "created" audit entry.</summary>
    public Task AddAsync(T entity, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (entity is ICommuneOwned { CommuneId: 0 } owned) owned.CommuneId = _communeId; // as SaveChanges stamps it
        _json.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
        foreach (var c in _columns)
        {
            var value = c.Property.PropertyInfo!.GetValue(entity);
            Bind(_insert, c.Index, ToProvider(c, value));
            if (value is null || !c.Audited) continue;
            // As AuditTrailWriter records a created row: each non-null field, old value null.
            _writer.WriteStartObject();
            _writer.WriteString(nameof(AuditChange.Field), c.Property.Name);
            _writer.WriteNull(nameof(AuditChange.Old));
            _writer.WriteString(nameof(AuditChange.New), AuditTrailWriter.Format(value));
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        _writer.Flush();
        Step(_insert);
        // The new row's id straight from SQLite: no reader to build for a RETURNING clause.
        var id = checked((int)raw.sqlite3_last_insert_rowid(_handle));
        _key.PropertyInfo!.SetValue(entity, id);

        foreach (var (index, value) in _auditFixed) Bind(_audit, index, value);
        Span<char> digits = stackalloc char[11];
        id.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text16(_audit, _auditEntityId, digits[..length]));
        Check(raw.sqlite3_bind_text(_audit, _auditChanges, _json.WrittenSpan));
        Step(_audit);
        return Task.CompletedTask;
    }

    private static object? ToProvider(Column c, object? value) =>
        value is null ? null : c.Converter is { } convert ? convert(value) : value;

    /// <summary>Values as Microsoft.Data.Sqlite binds them (its SqliteValueBinder), for the types the model uses.</summary>
    private void Bind(sqlite3_stmt statement, int index, object? value)
    {
        Span<char> text = stackalloc char[40];
        int written;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text16(statement, index, s.AsSpan()),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            short s => raw.sqlite3_bind_int64(statement, index, s),
            byte b => raw.sqlite3_bind_int64(statement, index, b),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(statement, index, d),
            float f => raw.sqlite3_bind_double(statement, index, f),
            byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
            DateTime t when t.TryFormat(text, out written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)
                => raw.sqlite3_bind_text16(statement, index, text[..written]),
            DateOnly d when d.TryFormat(text, out written, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture)
                => raw.sqlite3_bind_text16(statement, index, text[..written]),
            _ => throw new NotSupportedException($"BulkInsert cannot write a {value.GetType().Name}."),
        };
        Check(rc);
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _handle);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _handle);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _audit.Dispose();
        _writer.Dispose();
    }
}
