namespace PhoChau.Portal.Components.Shared;

/// <summary>What an operator reads when an action or a part of a page fails: why, and that what was typed is kept.</summary>
public static class FailureMessages
{
    public static string For(Exception exception, IStringLocalizer<SharedResource> text, string errorId) => Failures.Classify(exception) switch
    {
        FailureKind.Refused => exception.Message,
        FailureKind.DiskFull => text["Errors.DiskFull"],
        FailureKind.DatabaseBusy => text["Errors.DatabaseBusy"],
        FailureKind.DatabaseUnavailable => text["Errors.DatabaseUnavailable"],
        _ => string.Format(text["Errors.Unexpected"], errorId),
    };

    /// <summary>A short code the operator can read out to the administrator, also written in the log line.</summary>
    public static string NewErrorId() => Guid.NewGuid().ToString("N")[..8];
}
