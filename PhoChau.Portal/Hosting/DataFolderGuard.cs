namespace PhoChau.Portal.Hosting;

/// <summary>
/// Checks, before anything is migrated or served, that the data folder can be written, and holds its lock for
/// the portal's life: a second portal or a restore on the same folder is refused while this one runs.
/// </summary>
public sealed class DataFolderGuard(DataFolder data, ILogger<DataFolderGuard> log) : IDisposable
{
    private DataFolderLock? _lock;

    public void Acquire()
    {
        EnsureWritable(data.Root);
        DataFolderAccess.PrivateFilesFromNowOn();
        if (DataFolderAccess.Tighten(data.Root))
            log.LogWarning("Thư mục dữ liệu {Root} để các tài khoản khác đọc được; đã giới hạn chỉ tài khoản chạy Cổng đối thoại (Linux: 0700/0600; Windows: SYSTEM, Administrators và tài khoản dịch vụ). / The data folder was readable by other accounts: now the portal's account only.", data.Root);
        _lock = DataFolderLock.TryAcquire(data) ?? throw new StartupFailureException(
            $"Một Cổng đối thoại khác đang chạy với thư mục dữ liệu {data.Root}. / Another portal is already running with the data folder {data.Root}.");
    }

    public static void EnsureWritable(string root)
    {
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailureException(
                $"Không ghi được vào thư mục dữ liệu {root} ({ex.Message}). Hãy kiểm tra quyền ghi, dung lượng đĩa hoặc đặt Data__Root. / The data folder {root} is not writable ({ex.Message}): check its permissions and free space, or set Data__Root.", ex);
        }
    }

    public void Dispose() => _lock?.Dispose();
}
