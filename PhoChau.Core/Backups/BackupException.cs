using System.Globalization;

namespace PhoChau.Core.Backups;

/// <summary>A backup or a restore that could not be done; the message says why, and nothing was changed.</summary>
public sealed class BackupException : DomainException
{
    public BackupException(string key, object?[] args, Exception? inner = null) : base(CoreText.Format(key, args), inner)
    {
        Key = key;
        Args = args;
    }

    public BackupException(string key, Exception? inner = null) : this(key, [], inner) { }

    /// <summary>The CoreText key and its arguments, so a command line can print the reason in both languages.</summary>
    public string Key { get; }
    public object?[] Args { get; }

    public string InBothLanguages() => $"{In("vi-VN")} / {In("en-US")}";

    /// <summary>The reason in one culture ("vi-VN", "en-US"), whatever the thread's culture.</summary>
    public string In(string culture) => CoreText.Format(CultureInfo.GetCultureInfo(culture), Key, Args);
}
