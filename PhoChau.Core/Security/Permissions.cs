namespace PhoChau.Core.Security;

/// <summary>The one place that says which role may do what; pages and services both ask here.</summary>
public static class Permissions
{
    private static readonly Dictionary<Permission, string[]> Grants = new()
    {
        [Permission.ManageAdministration] = [Roles.Administrator],
        [Permission.ReadAuditTrail] = [Roles.Administrator, Roles.Chairman],
        [Permission.ManageWorkflow] = [Roles.Chairman, Roles.ViceChairman, Roles.Secretary],
        [Permission.AnswerPetitions] = [Roles.DepartmentOfficer, Roles.Chairman, Roles.ViceChairman, Roles.Secretary],
        [Permission.Chair] = [Roles.Chairman, Roles.ViceChairman, Roles.Secretary],
        [Permission.SeePersonalData] = [Roles.Chairman, Roles.ViceChairman, Roles.Secretary, Roles.Administrator],
        [Permission.ManageProvince] = [Roles.ProvinceAdministrator],
        [Permission.ReadProvinceFigures] = [Roles.ProvinceAdministrator, Roles.ProvinceViewer],
    };

    public static bool Allows(this Actor actor, Permission permission) => actor.IsAny(Grants[permission]);

    public static void Demand(this Actor actor, Permission permission)
    {
        if (!actor.Allows(permission)) throw new ForbiddenException();
    }

    /// <summary>A department officer may only touch its own department's work.</summary>
    public static void DemandDepartment(this Actor actor, int? departmentId)
    {
        if (actor.IsAny(Roles.Chairman, Roles.ViceChairman, Roles.Secretary, Roles.Administrator)) return;
        if (actor.IsIn(Roles.DepartmentOfficer) && actor.DepartmentId is { } own && own == departmentId) return;
        throw new ForbiddenException(CoreText.Get("Security.OwnDepartmentOnly"));
    }
}
