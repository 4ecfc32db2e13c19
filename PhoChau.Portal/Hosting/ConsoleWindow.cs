using System.Runtime.InteropServices;

namespace PhoChau.Portal.Hosting;

/// <summary>
/// Started by a double-click on Windows, the portal has a console window of its own, which closes the moment the
/// process ends: a failed start would flash its reason and vanish. Then it waits for a key. Under a service manager,
/// in a terminal someone opened, or with its input redirected, it never waits.
/// </summary>
public static class ConsoleWindow
{
    public static bool IsOwnWindow()
    {
        if (!OperatingSystem.IsWindows() || Console.IsInputRedirected || !Environment.UserInteractive) return false;
        var processes = new uint[2];
        return GetConsoleProcessList(processes, (uint)processes.Length) == 1; // no other process (a cmd.exe) shares it
    }

    public static void PauseIfOwnWindow()
    {
        if (!IsOwnWindow()) return;
        Console.WriteLine("Nhấn phím bất kỳ để đóng cửa sổ này… / Press any key to close this window…");
        Console.ReadKey(intercept: true);
    }

    [DllImport("kernel32.dll", SetLastError = true)]
    private static extern uint GetConsoleProcessList([Out] uint[] processList, uint processCount);
}
