namespace PhoChau.Core.Departments;

public enum UnitKind
{
    /// <summary>A department or specialist official that answers petitions (ngành, bộ phận, công chức chuyên môn).</summary>
    Department,
    /// <summary>Fatherland Front committee and socio-political organisations: attend and co-organise, do not answer.</summary>
    ParticipatingBody,
}
