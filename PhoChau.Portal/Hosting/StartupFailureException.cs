namespace PhoChau.Portal.Hosting;

/// <summary>
/// The portal cannot start, for a reason an operator can fix: the message is one line, Vietnamese then English,
/// logged without a stack trace; the process exits with code 1 so a service manager sees it did not start.
/// </summary>
public sealed class StartupFailureException(string message, Exception? inner = null) : Exception(message, inner);
