namespace PhoChau.Core.Common;

/// <summary>Someone else saved the same record first; nothing of this user's change was saved.</summary>
public sealed class ConcurrencyConflictException(
    string? message = null)
    : DomainException(message ?? CoreText.Get("Common.Conflict"));
