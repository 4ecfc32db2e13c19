namespace PhoChau.Core.Security;

/// <summary>The roles of the portal (issue "Foundation"); names are stored in Identity, shown in Vietnamese by the UI.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Chairman = nameof(Chairman);
    public const string ViceChairman = nameof(ViceChairman);
    public const string Secretary = nameof(Secretary);
    public const string DepartmentOfficer = nameof(DepartmentOfficer);
    public const string Viewer = nameof(Viewer);

    public static readonly IReadOnlyList<string> All =
        [Administrator, Chairman, ViceChairman, Secretary, DepartmentOfficer, Viewer];

    /// <summary>A province's accounts, outside any commune: one creates communes, the other reads their figures.</summary>
    public const string ProvinceAdministrator = nameof(ProvinceAdministrator);
    public const string ProvinceViewer = nameof(ProvinceViewer);

    public static readonly IReadOnlyList<string> Province = [ProvinceAdministrator, ProvinceViewer];
    public const string ProvinceReaders = ProvinceAdministrator + "," + ProvinceViewer;

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Quản trị hệ thống",
        Chairman => "Chủ tịch UBND",
        ViceChairman => "Phó Chủ tịch UBND",
        Secretary => "Thư ký (Văn phòng - Thống kê)",
        DepartmentOfficer => "Công chức chuyên môn",
        Viewer => "Người xem",
        ProvinceAdministrator => "Quản trị cấp tỉnh",
        ProvinceViewer => "Xem số liệu cấp tỉnh",
        _ => role,
    };

    /// <summary>Comma lists for [Authorize(Roles = ...)] on pages.</summary>
    public const string Leaders = Chairman + "," + ViceChairman;
    public const string AuditReaders = Administrator + "," + Chairman;
    /// <summary>Who sees citizens' personal data (Permission.SeePersonalData), and so handles their requests about it.</summary>
    public const string PersonalDataHandlers = Chairman + "," + ViceChairman + "," + Secretary + "," + Administrator;
}
