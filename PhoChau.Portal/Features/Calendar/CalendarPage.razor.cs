using PhoChau.Core.Text;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using PhoChau.Core.Calendar;
using PhoChau.Portal.Components.Shared;
using MudBlazor;

namespace PhoChau.Portal.Features.Calendar;

public partial class CalendarPage
{
    [Inject] private CalendarService Calendar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<CalendarText> T { get; set; } = default!;

    private static readonly string[] WeekDays = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
    private int _year;
    private YearSchedule? _schedule;
    private IReadOnlyList<MonthGrid> _months = [];
    private string? _from;
    private int _days = 5;
    private string? _result;

    protected override async Task OnActorReadyAsync()
    {
        var today = VietnamTime.Today(Clock);
        _from = VietnameseDates.Format(today);
        await ShowYearAsync(today.Year);
    }

    private async Task ShowYearAsync(int year)
    {
        if (year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear) return;
        _year = year;
        _schedule = await Calendar.GetYearAsync(year);
        _months = Enumerable.Range(1, 12).Select(m => MonthGrid.Build(_schedule, m)).ToList();
    }

    private async Task CalculateAsync()
    {
        if (!VietnameseDates.TryParse(_from, out var from))
        {
            Snackbar.Add(T["BadDate"], Severity.Error);
            return;
        }
        try
        {
            var cal = await Calendar.GetCalendarAsync();
            var result = cal.AddWorkingDays(from, _days);
            _result = string.Format(CultureInfo.InvariantCulture, T["CalculatorResult"], Formats.Date(from), _days,
                Formats.Date(result), WeekDayName(result));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private static string CellClass(DayCell cell) => cell.Kind switch
    {
        DayKind.DayOff => "cal-day cal-off",
        DayKind.MakeUpWorkingDay => "cal-day cal-makeup",
        DayKind.Weekend => "cal-day cal-weekend",
        _ => "cal-day",
    };

    private static string Tooltip(DayCell cell) =>
        $"{Formats.Date(cell.Date)} — {PortalText.Format("Calendar.Lunar", cell.Lunar.Day, cell.Lunar.Month, cell.Lunar.IsLeapMonth ? PortalText.Get("Calendar.Leap") : "", cell.Lunar.Year)}"
        + (cell.Name is null ? "" : " — " + cell.Name);

    private static string WeekDayName(DateOnly d) => PortalText.Get("Calendar.Day." + d.DayOfWeek);
}
