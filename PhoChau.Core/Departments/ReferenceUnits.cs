namespace PhoChau.Core.Departments;

/// <summary>The units named by the commune's plan (sections II.1 and III), seeded into a new database.</summary>
public static class ReferenceUnits
{
    public static readonly IReadOnlyList<string> Departments =
    [
        "Văn phòng - Thống kê",
        "Văn hóa - Xã hội",
        "Tư pháp - Hộ tịch",
        "Địa chính - Nông nghiệp - Xây dựng và Môi trường",
        "Tài chính - Kế toán",
        "Ban Chỉ huy Quân sự xã",
        "Công an xã",
    ];

    public static readonly IReadOnlyList<string> ParticipatingBodies =
    [
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "Hội Cựu chiến binh xã",
        "Hội Liên hiệp Phụ nữ xã",
        "Hội Nông dân xã",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
    ];
}
