namespace PhoChau.Core.Calendar;

/// <summary>The announced civil-servant schedules shipped with the portal (docs: ngay-nghi-le.md).</summary>
public static class OfficialSchedules
{
    private const string NewYear = "Tết Dương lịch", Tet = "Tết Nguyên đán", HungKings = "Giỗ Tổ Hùng Vương",
        Victory = "Ngày Chiến thắng", Labour = "Ngày Quốc tế Lao động", National = "Quốc khánh";

    public static IReadOnlyList<OfficialSchedule> All { get; } =
    [
        new(2023,
            [
                Off(2023, 1, 2, $"Nghỉ bù {NewYear}"), // 1/1 was a Sunday.
                Off(2023, 1, 20, Tet), Off(2023, 1, 23, Tet), Off(2023, 1, 24, Tet), Off(2023, 1, 25, Tet), Off(2023, 1, 26, Tet),
                Off(2023, 5, 1, Labour),
                Off(2023, 5, 2, $"Nghỉ bù {HungKings}"), // 10/3 lunar was Saturday 29/4.
                Off(2023, 5, 3, $"Nghỉ bù {Victory}"), // 30/4 was a Sunday.
                Off(2023, 9, 1, National),
                Off(2023, 9, 4, $"Nghỉ bù {National}"), // 2/9 was a Saturday.
            ],
            [],
            "Lịch nghỉ lễ, tết năm 2023 của cán bộ, công chức, viên chức"),
        new(2024,
            [
                Off(2024, 1, 1, NewYear),
                Off(2024, 2, 8, Tet), Off(2024, 2, 9, Tet), Off(2024, 2, 12, Tet), Off(2024, 2, 13, Tet), Off(2024, 2, 14, Tet),
                Off(2024, 4, 18, HungKings),
                Off(2024, 4, 29, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2024)"),
                Off(2024, 4, 30, Victory),
                Off(2024, 5, 1, Labour),
                Off(2024, 9, 2, National), Off(2024, 9, 3, National),
            ],
            [MakeUp(2024, 5, 4, "Làm bù cho ngày nghỉ 29/04/2024")],
            "Lịch nghỉ lễ, tết năm 2024 của cán bộ, công chức, viên chức"),
        new(2025,
            [
                Off(2025, 1, 1, NewYear),
                Off(2025, 1, 27, Tet), Off(2025, 1, 28, Tet), Off(2025, 1, 29, Tet), Off(2025, 1, 30, Tet), Off(2025, 1, 31, Tet),
                Off(2025, 4, 7, HungKings),
                Off(2025, 4, 30, Victory),
                Off(2025, 5, 1, Labour),
                Off(2025, 5, 2, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)"),
                Off(2025, 9, 1, National), Off(2025, 9, 2, National),
            ],
            [MakeUp(2025, 4, 26, "Làm bù cho ngày nghỉ 02/05/2025")],
            "Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024"),
        new(2026,
            [
                Off(2026, 1, 1, NewYear),
                Off(2026, 1, 2, "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)"),
                Off(2026, 2, 16, Tet), Off(2026, 2, 17, Tet), Off(2026, 2, 18, Tet), Off(2026, 2, 19, Tet), Off(2026, 2, 20, Tet),
                Off(2026, 4, 27, $"Nghỉ bù {HungKings}"), // 10/3 lunar is Sunday 26/4.
                Off(2026, 4, 30, Victory),
                Off(2026, 5, 1, Labour),
                // The Saturday that repays 31/8 was not announced yet; an administrator adds it as an adjustment.
                Off(2026, 8, 31, "Nghỉ hoán đổi dịp Quốc khánh"),
                Off(2026, 9, 1, National), Off(2026, 9, 2, National),
            ],
            [MakeUp(2026, 1, 10, "Làm bù cho ngày nghỉ 02/01/2026")],
            "Thông báo 9441 của Bộ Nội vụ ngày 16/10/2025; Công văn 12729/VPCP-KGVX ngày 25/12/2025"),
    ];

    /// <summary>The shipped schedule of the year, or null when none was announced (the rules apply).</summary>
    public static OfficialSchedule? For(int year) => All.FirstOrDefault(s => s.Year == year);

    private static CalendarDay Off(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), name, CalendarDayKind.DayOff);

    private static CalendarDay MakeUp(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), name, CalendarDayKind.MakeUpWorkingDay);
}
