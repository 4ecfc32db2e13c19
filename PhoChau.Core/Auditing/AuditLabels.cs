using PhoChau.Core.Messages;
using System.Globalization;
using System.Reflection;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;
using PhoChau.Core.PersonalData;
using PhoChau.Core.Reports.Issuing;

namespace PhoChau.Core.Auditing;

/// <summary>
/// The audit trail as staff read it: records and fields by their Vietnamese names (CoreText "Audit.Entity.*",
/// "Audit.Field.*"), states and kinds by their words ("Audit.Value.{enum}.{value}"), times in Vietnam's local time.
/// The trail itself keeps the raw names and values (what was stored); only their reading is translated.
/// </summary>
public static class AuditLabels
{
    private static readonly IReadOnlyDictionary<string, Type> Audited = typeof(IAudited).Assembly.GetTypes()
        .Where(t => typeof(IAudited).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        // Issued documents, the signature images and a message sent again are audited by hand (their bytes, a message's
        // text and address are never copied into the trail).
        .Append(typeof(IssuedDocument)).Append(typeof(SignatureArt)).Append(typeof(OutboxMessage))
        .ToDictionary(t => t.Name);

    /// <summary>Every audited record type: what the audit page filters by.</summary>
    public static IReadOnlyCollection<string> EntityTypes =>
        Audited.Keys.Append(nameof(AppUser)).Append(RetentionService.AuditEntity).Order().ToList();

    public static string Entity(string entityType) => Lookup("Audit.Entity." + entityType) ?? entityType;

    public static string Record(string entityType, string entityId) => CoreText.Format("Audit.RecordOf", Entity(entityType), entityId);

    public static string Field(string field) => Lookup("Audit.Field." + field) ?? field;

    /// <summary>A stored value as a person reads it: a state by its name, yes / no, an instant in local time.</summary>
    public static string? Value(string entityType, string field, string? raw)
    {
        if (raw is null) return null;
        var type = Audited.GetValueOrDefault(entityType)?.GetProperty(field, BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return Lookup("Audit.Value.Bool." + raw) ?? raw;
        if (type == typeof(PetitionState)) return Lookup("PetitionState." + raw) ?? raw;
        if (type == typeof(DialogueState)) return Lookup("DialogueState." + raw) ?? raw;
        if (type is { IsEnum: true }) return Lookup($"Audit.Value.{type.Name}.{raw}") ?? raw;
        // Instants are stored in UTC ("…AtUtc"): shown as the commune's clock shows them.
        if (type == typeof(DateTime) && DateTime.TryParseExact(raw, "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
            return utc.Add(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        return raw;
    }

    private static string? Lookup(string key)
    {
        var text = CoreText.Get(key);
        return text == key ? null : text;
    }
}
