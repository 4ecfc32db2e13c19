namespace PhoChau.Core.Common;

public sealed class NotFoundException(string? message = null) : DomainException(message ?? CoreText.Get("Common.NotFound"));
