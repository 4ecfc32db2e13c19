using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace PhoChau.Core.Calendar;

/// <summary>
/// The working-day calendar every deadline of the product uses: shipped official schedules, statutory
/// rules, and the administrator's corrections and added holidays from the database. Year schedules are
/// cached and rebuilt after any change; listeners then recompute the open deadlines.
/// </summary>
public sealed class CalendarService(IDbContextFactory<PhoChauDbContext> dbFactory, IServiceProvider services, TimeProvider clock)
{
    // Each commune has its own corrections and added holidays, so its own cached years.
    private readonly ConcurrentDictionary<int, CommuneCalendar> _communes = new();
    private readonly SemaphoreSlim _loadLock = new(1, 1);

    private sealed class CommuneCalendar
    {
        public readonly ConcurrentDictionary<int, YearSchedule> Years = new();
        public volatile Snapshot? Snapshot;
    }

    private CommuneCalendar Current => _communes.GetOrAdd(CommuneScope.Current, _ => new CommuneCalendar());

    /// <summary>A commune's calendar was corrected here (other portal nodes are told, and forget theirs).</summary>
    public event Action<int>? Changed;

    /// <summary>Forgets a commune's cached years: another node corrected its calendar.</summary>
    public void Invalidate(int communeId)
    {
        if (_communes.TryGetValue(communeId, out var calendar))
        {
            calendar.Snapshot = null;
            calendar.Years.Clear();
        }
    }

    private sealed record Snapshot(IReadOnlyList<CalendarAdjustment> Adjustments, IReadOnlyList<HolidayRule> AddedRules);

    /// <summary>A calendar over the current data; cheap to call for every operation.</summary>
    public async Task<WorkingCalendar> GetCalendarAsync(CancellationToken ct = default)
    {
        var snapshot = await LoadAsync(ct);
        var years = Current.Years;
        return new WorkingCalendar(year => years.GetOrAdd(year, y => Build(y, snapshot)));
    }

    public async Task<YearSchedule> GetYearAsync(int year, CancellationToken ct = default)
    {
        LunarCalendar.EnsureYear(year);
        var snapshot = await LoadAsync(ct);
        return Current.Years.GetOrAdd(year, y => Build(y, snapshot));
    }

    public async Task<IReadOnlyList<CalendarCorrection>> ListCorrectionsAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarCorrections.AsNoTracking()
            .Where(c => c.Date >= new DateOnly(year, 1, 1) && c.Date <= new DateOnly(year, 12, 31))
            .OrderBy(c => c.Date).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AddedHoliday>> ListAddedHolidaysAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AddedHolidays.AsNoTracking().OrderBy(h => h.FromYear).ThenBy(h => h.Month).ToListAsync(ct);
    }

    /// <summary>Adds a day off or a make-up working day to a year; refused with the reason when it does not fit.</summary>
    public async Task<CalendarCorrection> AddCorrectionAsync(Actor actor, CalendarAdjustment adjustment, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        LunarCalendarGuard(adjustment.Date.Year);
        var clean = adjustment with { Name = adjustment.Name?.Trim() ?? "", Reason = adjustment.Reason?.Trim() ?? "" };
        if (clean.Name.Length > 200 || clean.Reason.Length > 300)
            throw new DomainException(CoreText.Get("Calendar.NameOrReasonTooLong"));
        var snapshot = await LoadAsync(ct);
        var schedule = await GetYearAsync(clean.Date.Year, ct);
        if (CalendarAdjustmentRules.Refusal(snapshot.Adjustments, schedule, clean) is { } why)
            throw new DomainException([why]);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = new CalendarCorrection
        {
            Date = clean.Date, Kind = clean.Kind, Name = clean.Name, Reason = clean.Reason,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.UserName,
        };
        db.CalendarCorrections.Add(row);
        await db.SaveChangesAsync(actor, ct);
        await ChangedAsync(actor, ct);
        return row;
    }

    /// <summary>Withdraws a mistaken correction; the row stays, marked revoked.</summary>
    public async Task RevokeCorrectionAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CalendarCorrections.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("Calendar.AdjustmentNotFound"));
        if (row.IsRevoked) throw new DomainException(CoreText.Get("Calendar.AdjustmentRevoked"));
        row.IsRevoked = true;
        await db.SaveChangesAsync(actor, ct);
        await ChangedAsync(actor, ct);
    }

    /// <summary>The field of the law's reason given with a new holiday.</summary>
    public const string ReasonField = "Reason";

    /// <summary>Adds a statutory holiday enacted after this release (fixed solar or lunar date, from a year on).</summary>
    public async Task<AddedHoliday> AddHolidayAsync(Actor actor, HolidayRule rule, string? reason, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        if (rule.FromYear is null) throw DomainException.ForField(nameof(HolidayRule.FromYear), CoreText.Get("Calendar.FromYearRequired"));
        if (rule.Refusal() is { } problem) throw new DomainException([problem]);
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.ForField(ReasonField, CoreText.Get("Calendar.LawReasonEmpty"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AddedHolidays.AnyAsync(h => h.IsActive && h.Basis == rule.Basis && h.Month == rule.Month && h.Day == rule.Day, ct)
            || HolidayRules.Statutory.Any(s => s.Basis == rule.Basis && s.Month == rule.Month && s.Day == rule.Day))
            throw DomainException.ForField(nameof(HolidayRule.Day), CoreText.Format("Calendar.HolidayExists", rule.Day, rule.Month));
        var row = new AddedHoliday
        {
            Name = rule.Name.Trim(), Basis = rule.Basis, Month = rule.Month, Day = rule.Day,
            FromYear = rule.FromYear.Value, Length = rule.Length, Reason = reason.Trim(),
        };
        db.AddedHolidays.Add(row);
        await db.SaveChangesAsync(actor, ct);
        await ChangedAsync(actor, ct);
        return row;
    }

    public async Task DeactivateHolidayAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Demand(Permission.ManageAdministration);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AddedHolidays.FindAsync([id], ct) ?? throw new NotFoundException(CoreText.Get("Calendar.HolidayNotFound"));
        row.IsActive = false;
        await db.SaveChangesAsync(actor, ct);
        await ChangedAsync(actor, ct);
    }

    private static void LunarCalendarGuard(int year)
    {
        if (year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
            throw new DomainException(CoreText.Format("Calendar.YearOutOfRange", year, LunarCalendar.MinYear, LunarCalendar.MaxYear));
    }

    private async Task ChangedAsync(Actor actor, CancellationToken ct)
    {
        var calendar = Current;
        calendar.Snapshot = null;
        calendar.Years.Clear();
        Changed?.Invoke(CommuneScope.Current);
        foreach (var listener in services.GetServices<ICalendarChangeListener>())
            await listener.CalendarChangedAsync(actor, ct);
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var calendar = Current;
        if (calendar.Snapshot is { } s) return s;
        await _loadLock.WaitAsync(ct);
        try
        {
            if (calendar.Snapshot is { } again) return again;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var corrections = await db.CalendarCorrections.AsNoTracking().Where(c => !c.IsRevoked).ToListAsync(ct);
            var added = await db.AddedHolidays.AsNoTracking().Where(h => h.IsActive).ToListAsync(ct);
            var snapshot = new Snapshot(corrections.Select(c => c.ToAdjustment()).ToList(), added.Select(h => h.ToRule()).ToList());
            calendar.Years.Clear();
            calendar.Snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private static YearSchedule Build(int year, Snapshot snapshot) =>
        YearSchedule.Build(year, OfficialSchedules.For(year), snapshot.Adjustments, snapshot.AddedRules);
}
