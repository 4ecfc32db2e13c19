namespace PhoChau.Core.Common;

/// <summary>The signed-in user's role does not allow the operation (HTTP 403).</summary>
public sealed class ForbiddenException(string message = "Bạn không có quyền thực hiện thao tác này.") : DomainException(message);
