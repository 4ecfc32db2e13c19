using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using PhoChau.Core;
using PhoChau.Core.Backups;
using System.Reflection;
using System.Text;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// `PhoChau.Portal backup [--out DIR]`, `PhoChau.Portal restore FILE`, `PhoChau.Portal set-backup-passphrase` and
/// `PhoChau.Portal reset-admin-password [--user NAME] [--password PASSWORD]`: the same configuration and data folder as the web portal (appsettings.json
/// beside the program, Data__Root, …), no web server. A backup or a password reset may run while the portal serves;
/// a restore only while it is stopped. Each prints its result and exits 0, or 1 with the reason. A backup passphrase
/// is read from --passphrase, else PHOCHAU_BACKUP_PASSPHRASE, else typed (hidden) at the console or read from stdin.
/// `PhoChau.Portal COMMAND --help` says all this in Vietnamese and English.
/// </summary>
public static class PortalCommands
{
    public const string ResetAdminPassword = "reset-admin-password";
    public const string SetBackupPassphrase = "set-backup-passphrase";
    public const string PassphraseVariable = "PHOCHAU_BACKUP_PASSPHRASE";
    /// <summary>Names an unsealed (earlier version's) archive as one the administrator vouches for; nothing else restores it.</summary>
    public const string AllowUnsealed = "--allow-unsealed";

    /// <summary>
    /// The exact command an operator types for <paramref name="command"/> on this installation: this program (or
    /// `dotnet PhoChau.Portal.dll`) with the data folder it runs on, so it acts on the same data as the service.
    /// </summary>
    public static string CommandLine(string command, string dataRoot)
    {
        var program = Environment.ProcessPath ?? "PhoChau.Portal";
        var entry = Assembly.GetEntryAssembly()?.Location;
        var invoke = Path.GetFileNameWithoutExtension(program) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? $"{Quote(program)} {Quote(entry)}"
            : Quote(program);
        return $"{invoke} {command} --Data:Root {Quote(dataRoot)}";
    }

    private static string Quote(string s) => s.Contains(' ') || s.Contains('"') ? "\"" + s.Replace("\"", "\\\"") + "\"" : s;

    /// <summary>A command, or a request for the list of them (`PhoChau.Portal --help`): anything else starts the portal.</summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && args[0] is "backup" or "restore" or ResetAdminPassword or SetBackupPassphrase or "--help" or "-h" or "-?";

    /// <summary>What one command was given (its own options; the host's configuration goes separately).</summary>
    private sealed record Given(string Command, string? OutDir = null, string? File = null, string? User = null, string? Password = null,
        string? Passphrase = null, bool AllowUnsealed = false);

    /// <summary>
    /// The commands, their options and their help (`PhoChau.Portal backup --help`), in Vietnamese and English, on
    /// System.CommandLine (issue 34.5: it replaced a loop of our own over the arguments).
    /// </summary>
    private static RootCommand Commands(Func<Given, CancellationToken, Task<int>> run)
    {
        var outDir = new Option<string?>("--out") { Description = Both("thư mục ghi bản sao lưu (mặc định: thư mục sao lưu của cổng)", "the folder to write the backup to (default: the portal's backups folder)") };
        var passphrase = new Option<string?>("--passphrase") { Description = Both($"mật khẩu sao lưu (nếu không có: biến {PassphraseVariable}, rồi hỏi)", $"the backup passphrase (else {PassphraseVariable}, else asked)") };
        var file = new Argument<string>("FILE") { Description = Both("tệp .zip sao lưu cần khôi phục", "the backup .zip to restore") };
        var allowUnsealed = new Option<bool>(AllowUnsealed) { Description = Both("khôi phục cả bản sao lưu chưa mã hóa của phiên bản trước", "also restore an unsealed backup of an earlier version") };
        var user = new Option<string?>("--user") { Description = Both($"tài khoản quản trị (mặc định: {DatabaseInitializer.AdminUserName})", $"the administrator's account (default: {DatabaseInitializer.AdminUserName})") };
        var password = new Option<string?>("--password") { Description = Both("mật khẩu mới (nếu không có: tạo và in ra)", "the new password (else one is made and printed)") };

        var backup = new Command("backup", Both("sao lưu dữ liệu (mã hóa bằng mật khẩu sao lưu) khi cổng đang chạy hay đã dừng", "back up the data (sealed with the backup passphrase), the portal running or not")) { outDir };
        backup.SetAction((r, ct) => run(new Given("backup", OutDir: r.GetValue(outDir)), ct));
        var restore = new Command("restore", Both("khôi phục một bản sao lưu (chỉ khi cổng đã dừng)", "restore a backup (only while the portal is stopped)")) { file, passphrase, allowUnsealed };
        restore.SetAction((r, ct) => run(new Given("restore", File: r.GetValue(file), Passphrase: r.GetValue(passphrase), AllowUnsealed: r.GetValue(allowUnsealed)), ct));
        var setPassphrase = new Command(SetBackupPassphrase, Both("đặt mật khẩu sao lưu (hỏi hai lần, không hiện chữ)", "set the backup passphrase (asked twice, hidden)")) { passphrase };
        setPassphrase.SetAction((r, ct) => run(new Given(SetBackupPassphrase, Passphrase: r.GetValue(passphrase)), ct));
        var reset = new Command(ResetAdminPassword, Both("đặt lại mật khẩu một tài khoản quản trị; các phiên cũ bị đăng xuất", "reset an administrator's password; its open sessions are signed out")) { user, password };
        reset.SetAction((r, ct) => run(new Given(ResetAdminPassword, User: r.GetValue(user), Password: r.GetValue(password)), ct));

        return new RootCommand(Both("Cổng đối thoại UBND xã: các lệnh quản trị, trên cùng thư mục dữ liệu với cổng (thêm --Data:Root THƯ_MỤC …)",
            "PhoChau dialogue portal: the administration commands, on the portal's own data folder (add --Data:Root DIR …)"))
        {
            backup, restore, setPassphrase, reset,
        };
    }

    private static string Both(string vietnamese, string english) => $"{vietnamese} / {english}";

    /// <summary>The commands' own options; any other "--Key value" is the host's configuration (--Data:Root DIR, …).</summary>
    private static readonly HashSet<string> Own = ["--out", "--user", "--password", "--passphrase", AllowUnsealed, "--help", "-h", "-?"];

    private static (string[] Command, string[] Configuration) Split(string[] args)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var own = Own.Contains(args[i]);
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !own)
            {
                configuration.Add(args[i]);
                if (!args[i].Contains('=') && i + 1 < args.Length) configuration.Add(args[++i]);
            }
            else
            {
                command.Add(args[i]);
                // An option's value stays with it, even one that looks like a configuration key.
                if (own && args[i] is not (AllowUnsealed or "--help" or "-h" or "-?") && i + 1 < args.Length) command.Add(args[++i]);
            }
        }
        return ([.. command], [.. configuration]);
    }

    /// <param name="input">Where a passphrase is read from (tests, scripts); null: the console (hidden typing), or stdin when redirected.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextReader? input = null)
    {
        var o = output ?? Console.Out;
        var (command, configuration) = Split(args);
        var parsed = Commands((given, _) => ExecuteAsync(given, configuration, o, input)).Parse(command);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await o.WriteLineAsync(error.Message);
            await o.WriteLineAsync($"Xem cách dùng / see the usage: PhoChau.Portal {(command.Length > 0 ? command[0] : "")} --help");
            return 2;
        }
        // Ctrl+C and a service manager's stop are this program's own (below): System.CommandLine does not take them.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = o, Error = o, ProcessTerminationTimeout = null });
    }

    private static async Task<int> ExecuteAsync(Given given, string[] configuration, TextWriter o, TextReader? input)
    {
        var typed = input is not null || Console.IsInputRedirected; // lines to read, not keys to hide
        var rest = configuration.ToList();
        var (outDir, file, user, password, passphrase, allowUnsealed) = (given.OutDir, given.File, given.User, given.Password, given.Passphrase, given.AllowUnsealed);
        var contentRoot = PortalPaths.ContentRootGiven(rest) ? null : PortalPaths.DefaultContentRoot();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. rest], ContentRootPath = contentRoot });
        builder.Logging.ClearProviders();
        try
        {
            builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (StartupFailureException ex)
        {
            await o.WriteLineAsync(ex.Message);
            return 1;
        }
        builder.Services.AddPhoChauCore();
        if (given.Command == ResetAdminPassword)
            builder.Services.AddPhoChauIdentity();
        using var host = builder.Build();
        var data = host.Services.GetRequiredService<DataFolder>();
        // Ctrl+C or a service manager's stop ends the work through its finally blocks: no decrypted copy is left behind.
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var ct = stop.Token;
        try
        {
            if (given.Command == SetBackupPassphrase)
            {
                var first = passphrase ?? Environment.GetEnvironmentVariable(PassphraseVariable) ?? Ask(o, input, "Mật khẩu sao lưu mới / new backup passphrase: ");
                BackupKey.Check(first);
                // Typed at a console, hidden: typed twice. From a script or a pipe: once.
                if (passphrase is null && Environment.GetEnvironmentVariable(PassphraseVariable) is null && !typed
                    && Ask(o, input, "Nhập lại / again: ") != first)
                    throw new BackupException("Backup.PassphraseMismatch");
                host.Services.GetRequiredService<BackupKey>().SetPassphrase(first!, host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                await o.WriteLineAsync("Đã đặt mật khẩu sao lưu: mọi bản sao lưu từ nay được mã hóa bằng mật khẩu này. Hãy ghi lại và cất giữ an toàn. / The backup passphrase is set: every backup is encrypted with it from now on. Keep it safe.");
                return 0;
            }
            if (given.Command == ResetAdminPassword)
            {
                if (!File.Exists(data.DatabasePath) && PortalDataServices.Provider(builder.Configuration) == DatabaseProvider.Sqlite)
                {
                    await o.WriteLineAsync($"Chưa có cơ sở dữ liệu tại {data.DatabasePath}: hãy chạy Cổng đối thoại một lần trước. / No database at {data.DatabasePath}: start the portal once first.");
                    return 1;
                }
                var name = user ?? DatabaseInitializer.AdminUserName;
                var newPassword = await host.Services.GetRequiredService<UserAdminService>().RecoverAdministratorAsync(name, password);
                await o.WriteLineAsync($"Đã đặt lại mật khẩu tài khoản {name}; các phiên đăng nhập cũ đã bị đăng xuất. / The password of {name} was reset; its open sessions are signed out.");
                if (password is null) await o.WriteLineAsync($"Mật khẩu mới / new password: {newPassword}");
                return 0;
            }
            if (given.Command == "backup")
            {
                if (!File.Exists(data.DatabasePath))
                {
                    await o.WriteLineAsync($"Chưa có cơ sở dữ liệu tại {data.DatabasePath}: không có gì để sao lưu. / No database at {data.DatabasePath}: nothing to back up.");
                    return 1;
                }
                var info = await host.Services.GetRequiredService<BackupService>().CreateAsync(BackupReason.CommandLine, outDir, ct: ct);
                await o.WriteLineAsync($"Đã sao lưu / backup written: {info.FullPath} ({Size(info.Bytes)})");
                return 0;
            }
            // A running portal refuses the restore anyway: say so before asking for anything.
            using (var probe = DataFolderLock.TryAcquire(data))
                if (probe is null) throw new BackupException("Restore.PortalRunning");
            passphrase ??= Environment.GetEnvironmentVariable(PassphraseVariable);
            if (passphrase is null && await BackupArchive.IsSealedAsync(Path.GetFullPath(file!)))
                passphrase = Ask(o, input, "Mật khẩu sao lưu của bản này / this backup's passphrase: ");
            var result = await host.Services.GetRequiredService<RestoreService>().RestoreAsync(file!, passphrase, allowUnsealed, ct);
            var m = result.Manifest;
            if (!result.WasSealed) await o.WriteLineAsync(new BackupException("Restore.PlainBackup").InBothLanguages());
            await o.WriteLineAsync(
                $"Đã khôi phục bản sao lưu ngày {m.CreatedAtUtc.Add(VietnamTime.Offset):dd/MM/yyyy HH:mm} ({m.Counts.GetValueOrDefault("Petitions")} kiến nghị) vào {data.Root}" +
                (result.Replaced is { } r ? $"; dữ liệu trước đó đã được sao lưu vào {r.FullPath}" : "") +
                $". / Restored the backup of {m.CreatedAtUtc:u} into {data.Root}.");
            return 0;
        }
        catch (BackupException ex)
        {
            await o.WriteLineAsync(ex.InBothLanguages());
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await o.WriteLineAsync("Đã dừng theo yêu cầu; dữ liệu không thay đổi. / Stopped on request; nothing was changed.");
            return 1;
        }
        catch (DomainException ex)
        {
            await o.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>A passphrase typed without echo at a console, or one line of redirected input.</summary>
    private static string? Ask(TextWriter o, TextReader? input, string prompt)
    {
        o.Write(prompt);
        o.Flush();
        if (input is not null) return input.ReadLine();
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        o.WriteLine();
        return typed.ToString();
    }

    private static string Size(long bytes) =>
        bytes >= 1 << 20 ? (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB" : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
