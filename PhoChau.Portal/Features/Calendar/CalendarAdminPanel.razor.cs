using PhoChau.Core.Text;
using Microsoft.AspNetCore.Components;
using PhoChau.Core.Calendar;

namespace PhoChau.Portal.Features.Calendar;

public partial class CalendarAdminPanel
{
    [Inject] private CalendarService Calendar { get; set; } = default!;
    [Inject] private IStringLocalizer<CalendarText> T { get; set; } = default!;

    [Parameter] public int Year { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    private IReadOnlyList<CalendarCorrection> _corrections = [];
    private IReadOnlyList<AddedHoliday> _holidays = [];
    private int _loadedYear;
    private string? _date, _name, _reason, _holidayName, _holidayReason;
    private DateBasis _basis = DateBasis.Solar;
    private int _day = 1, _month = 1, _fromYear = DateTime.Today.Year + 1, _length = 1;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedYear != Year) await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loadedYear = Year;
        _corrections = await Calendar.ListCorrectionsAsync(Year);
        _holidays = await Calendar.ListAddedHolidaysAsync();
    }

    private async Task AddCorrectionAsync(CalendarDayKind kind)
    {
        if (!VietnameseDates.TryParse(_date, out var date))
        {
            Refuse(Correction(nameof(CalendarAdjustment.Date)), T["BadDate"]);
            _correctionError = FormError;
            return;
        }
        _holidayError = null;
        var ok = await RunAndReloadAsync(() => Calendar.AddCorrectionAsync(Actor, new CalendarAdjustment(date, kind, _name ?? "", _reason ?? "")), ReloadAsync, inline: true, form: "correction");
        _correctionError = FormError; // said under the form it came from (issue 33.7)
        if (ok) (_date, _name, _reason) = (null, null, null);
    }

    private string? _correctionError, _holidayError;

    // The panel's two forms: a refused field is said under that form's own field.
    private static string Correction(string field) => $"correction.{field}";
    private static string Holiday(string field) => $"holiday.{field}";

    private async Task AddHolidayAsync()
    {
        var rule = new HolidayRule(_holidayName ?? "", _basis, _month, _day, _fromYear, _length);
        _correctionError = null;
        var ok = await RunAndReloadAsync(() => Calendar.AddHolidayAsync(Actor, rule, _holidayReason), ReloadAsync, inline: true, form: "holiday");
        _holidayError = FormError;
        if (ok) (_holidayName, _holidayReason) = (null, null);
    }

    private Task RevokeAsync(int id) => RunAndReloadAsync(() => Calendar.RevokeCorrectionAsync(Actor, id), ReloadAsync);

    private Task DeactivateAsync(int id) => RunAndReloadAsync(() => Calendar.DeactivateHolidayAsync(Actor, id), ReloadAsync);

    private async Task ReloadAsync()
    {
        await LoadAsync();
        await Changed.InvokeAsync();
    }
}
