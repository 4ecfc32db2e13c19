using System.Globalization;
using PhoChau.Core.Calendar;

namespace PhoChau.Portal.Features.Calendar;

/// <summary>
/// Public, read-only JSON API so the one-stop desk's other software counts the same deadlines
/// (README: "Working-day calendar API"). Bad input answers 400 with a problem description.
/// </summary>
public static class CalendarApi
{
    private const string DateFormat = "yyyy-MM-dd";

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").AllowAnonymous();

        api.MapGet("/{year}", async (string year, CalendarService calendar) =>
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < LunarCalendar.MinYear || y > LunarCalendar.MaxYear)
                return Problem(PortalText.Format("CalendarApi.Year", LunarCalendar.MinYear, LunarCalendar.MaxYear));
            var schedule = await calendar.GetYearAsync(y);
            return Results.Ok(new YearResponse(
                y,
                schedule.Source == ScheduleSource.Official ? "official" : "rules",
                schedule.DaysOff.Select(d => new DayResponse(Format(d.Date), d.Name)).ToList(),
                schedule.MakeUpWorkingDays.Select(d => new DayResponse(Format(d.Date), d.Name)).ToList()));
        });

        api.MapGet("/add-working-days", async (string? from, string? days, CalendarService calendar) =>
        {
            if (!TryParseDate(from, out var start)) return Problem(PortalText.Get("CalendarApi.From"));
            if (!int.TryParse(days, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || Math.Abs(n) > WorkingCalendar.MaxWorkingDays)
                return Problem(PortalText.Format("CalendarApi.Days", WorkingCalendar.MaxWorkingDays));
            try
            {
                var result = (await calendar.GetCalendarAsync()).AddWorkingDays(start, n);
                return Results.Ok(new AddWorkingDaysResponse(Format(start), n, Format(result)));
            }
            catch (ArgumentOutOfRangeException)
            {
                // .NET's own text ("Value to add was out of range") means nothing to the caller: say it in its terms.
                return Problem(PortalText.Format("CalendarApi.ResultOutOfRange", LunarCalendar.MinYear, LunarCalendar.MaxYear));
            }
        });

        api.MapGet("/lunar", (string? date) =>
        {
            if (!TryParseDate(date, out var d)) return Problem(PortalText.Get("CalendarApi.DateParam"));
            try
            {
                var lunar = LunarCalendar.FromSolar(d);
                return Results.Ok(new LunarResponse(Format(d), lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth));
            }
            catch (ArgumentOutOfRangeException)
            {
                return Problem(PortalText.Format("CalendarApi.DateRange", LunarCalendar.MinYear, LunarCalendar.MaxYear));
            }
        });
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Format(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static IResult Problem(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: PortalText.Get("CalendarApi.Invalid"));

    public sealed record DayResponse(string Date, string Name);
    public sealed record YearResponse(int Year, string Source, IReadOnlyList<DayResponse> DaysOff, IReadOnlyList<DayResponse> MakeUpWorkingDays);
    public sealed record AddWorkingDaysResponse(string From, int Days, string Result);
    public sealed record LunarResponse(string Date, int LunarDay, int LunarMonth, int LunarYear, bool LeapMonth);
}
