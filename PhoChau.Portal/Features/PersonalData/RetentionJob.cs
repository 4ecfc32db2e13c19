using PhoChau.Core.PersonalData;
using PhoChau.Portal.Hosting;

namespace PhoChau.Portal.Features.PersonalData;

/// <summary>
/// The daily retention job: from the configured hour (Vietnam time), petitions past their retention period are
/// anonymised (<see cref="RetentionService"/>). A laptop that was off at that hour runs it when it starts; running twice
/// finds nothing more to do. A failure is logged and tried again an hour later.
/// </summary>
public sealed class RetentionJob(RetentionService retention, IOptions<PersonalDataOptions> options, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<RetentionJob> log) : DailyJob(readiness, clock, log)
{
    protected override int? Hour => options.Value.RetentionYears > 0 ? options.Value.RetentionHour : null;

    protected override TimeSpan RetryAfter => TimeSpan.FromHours(1);

    protected override bool DueAtFirstStart => true;

    protected override Task RunAsync(CancellationToken ct) => retention.RunAsync(ct);
}
