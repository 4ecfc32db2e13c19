namespace PhoChau.Core.Common;

public sealed class NotFoundException(string message = "Không tìm thấy dữ liệu yêu cầu.") : DomainException(message);
