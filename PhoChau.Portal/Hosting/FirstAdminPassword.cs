using System.Text;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// The first administrator's generated password, kept where it cannot be lost: a file in the data folder's keys
/// (readable by the portal's account only on Linux; the data folder's own rights on Windows) from the moment the
/// account is created until the administrator first signs in. A start that fails after the account was created
/// (a port in use) therefore loses nothing, and the start-up lines show it again until it is used.
/// </summary>
public sealed class FirstAdminPassword(DataFolder data)
{
    public const string FileName = "mat-khau-quan-tri-dau-tien.txt";

    public string FilePath => Path.Combine(data.KeysFolder, FileName);

    public void Keep(string userName, string password)
    {
        Directory.CreateDirectory(data.KeysFolder);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new StreamWriter(FilePath, new UTF8Encoding(false), options);
        file.WriteLine($"{userName}\n{password}");
    }

    /// <summary>The kept user name and password, while the administrator has not signed in yet.</summary>
    public (string UserName, string Password)? Read()
    {
        try
        {
            var lines = File.ReadAllLines(FilePath);
            return lines.Length >= 2 ? (lines[0], lines[1]) : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The administrator signed in: the password is known to them and no file keeps it any more.</summary>
    public void Forget()
    {
        try { File.Delete(FilePath); }
        catch (IOException) { }
    }
}
