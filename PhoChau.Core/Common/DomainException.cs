namespace PhoChau.Core.Common;

/// <summary>A rule refused the operation; its message is for the user, in Vietnamese.</summary>
public class DomainException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// A refusal that names the fields it is about, so a form says each under its field (issue 33.7); the message is
    /// every field's message, one a line, for callers that show one message.
    /// </summary>
    public DomainException(IReadOnlyList<FieldRefusal> fields)
        : this(string.Join(Environment.NewLine, fields.Select(f => f.Message).Distinct())) => Fields = fields;

    /// <summary>Refuses one field of the input (named as the input's property) with this message.</summary>
    public static DomainException ForField(string field, string message) => new([new FieldRefusal(field, message)]);

    /// <summary>The fields this refusal is about; empty when it is about the whole operation.</summary>
    public IReadOnlyList<FieldRefusal> Fields { get; } = [];
}

/// <summary>One field's refusal: the input's property name (as the form's model spells it) and why.</summary>
public sealed record FieldRefusal(string Field, string Message);
