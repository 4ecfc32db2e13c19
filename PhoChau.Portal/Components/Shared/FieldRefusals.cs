namespace PhoChau.Portal.Components.Shared;

/// <summary>
/// A form's last refusal, field by field (issue 33.7): each field shows its own message under itself until its value is
/// changed; what no field on the form shows stays the form's one message beside its button.
/// </summary>
/// <remarks>
/// A field says it is on the form by asking for its refusal while it renders (<see cref="For"/>); a form has rendered
/// before its first save, so by the time a refusal arrives the form's fields are known.
/// </remarks>
public sealed class FieldRefusals
{
    private readonly HashSet<string> _onForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Refused> _refused = new(StringComparer.Ordinal);

    private sealed class Refused(string message)
    {
        public string Message { get; } = message;
        // The value the field showed when it was refused, read on its first render after the refusal.
        public bool Seen { get; set; }
        public object? Value { get; set; }
    }

    /// <summary>Takes a refusal; returns what no field on the page shows (the form's own message), or null.</summary>
    /// <param name="form">On a page of several forms, the one refused: its fields are named "form.Field".</param>
    public string? Take(DomainException refusal, string? form = null)
    {
        _refused.Clear();
        if (refusal.Fields.Count == 0) return refusal.Message;
        var rest = new List<string>();
        foreach (var group in refusal.Fields.GroupBy(f => form is null ? f.Field : $"{form}.{f.Field}"))
        {
            var message = string.Join(Environment.NewLine, group.Select(f => f.Message).Distinct());
            if (_onForm.Contains(group.Key)) _refused[group.Key] = new Refused(message);
            else rest.Add(message);
        }
        return rest.Count == 0 ? null : string.Join(Environment.NewLine, rest.Distinct());
    }

    /// <returns>True when a field's refusal was cleared.</returns>
    public bool Clear()
    {
        var any = _refused.Count > 0;
        _refused.Clear();
        return any;
    }

    /// <summary>The field's message while it still holds the refused value, else none.</summary>
    public string? MessageFor(string field, object? value)
    {
        _onForm.Add(field);
        if (!_refused.TryGetValue(field, out var refused)) return null;
        if (!refused.Seen)
        {
            refused.Seen = true;
            refused.Value = value;
        }
        return Equals(refused.Value, value) ? refused.Message : null;
    }

    /// <summary>
    /// The MudBlazor field's Error and ErrorText for <c>@attributes</c>: always both, so a cleared refusal clears the
    /// field too (a parameter left out keeps its last value).
    /// </summary>
    public IReadOnlyDictionary<string, object> For(string field, object? value)
    {
        var message = MessageFor(field, value);
        return new Dictionary<string, object> { ["Error"] = message is not null, ["ErrorText"] = message ?? "" };
    }
}
