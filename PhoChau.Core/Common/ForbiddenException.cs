namespace PhoChau.Core.Common;

/// <summary>The signed-in user's role does not allow the operation (HTTP 403).</summary>
public sealed class ForbiddenException(string? message = null) : DomainException(message ?? CoreText.Get("Common.Forbidden"));
