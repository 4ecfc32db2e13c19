namespace PhoChau.Core.Common;

/// <summary>Someone else saved the same record first; nothing of this user's change was saved.</summary>
public sealed class ConcurrencyConflictException(
    string message = "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại thao tác.")
    : DomainException(message);
