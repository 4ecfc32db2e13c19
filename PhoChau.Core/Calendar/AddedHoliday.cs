using PhoChau.Core.Auditing;

namespace PhoChau.Core.Calendar;

/// <summary>
/// A statutory holiday enacted after this release (e.g. 24/11 "Ngày Văn hóa Việt Nam" once the Labour
/// Code is amended): a fixed solar or lunar date from a given year. Deactivated, never deleted.
/// </summary>
public class AddedHoliday : IAudited, ICommuneOwned
{
    public int CommuneId { get; set; }

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateBasis Basis { get; set; }
    public int Month { get; set; }
    public int Day { get; set; }
    public int FromYear { get; set; }
    public int Length { get; set; } = 1;
    public string Reason { get; set; } = "";
    public bool IsActive { get; set; } = true;

    public HolidayRule ToRule() => new(Name, Basis, Month, Day, FromYear, Length);
}
