namespace PhoChau.Core.Common;

/// <summary>A business rule refused the operation; the message is Vietnamese and meant for the user.</summary>
public class DomainException(string message, Exception? inner = null) : Exception(message, inner);
