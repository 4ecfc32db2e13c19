using PhoChau.Core.Auditing;

namespace PhoChau.Core.Commune;

/// <summary>The commune's identity as data, so the same portal serves any commune (a single row).</summary>
public class CommuneProfile : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>A short code a province gives the commune (e.g. PHOCHAU); none on a single commune's laptop.</summary>
    public string? Code { get; set; }
    public string CommuneName { get; set; } = "xã Phổ Châu";
    public string CommitteeName { get; set; } = "Ủy ban nhân dân xã Phổ Châu";
    /// <summary>Used in the place-and-date line of documents: "Phổ Châu, ngày … tháng … năm …".</summary>
    public string PlaceName { get; set; } = "Phổ Châu";
    /// <summary>The superior body named above the issuing body on documents.</summary>
    public string SuperiorBody { get; set; } = "";
    public string ChairmanName { get; set; } = "Lê Văn Thái";
    /// <summary>One name a line.</summary>
    public string ViceChairmenNames { get; set; } = "";
    public string HallName { get; set; } = "Hội trường UBND xã Phổ Châu";

    public IReadOnlyList<string> ViceChairmen =>
        ViceChairmenNames.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
