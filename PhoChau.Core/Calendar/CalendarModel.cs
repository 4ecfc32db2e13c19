using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Calendar;

// How the commune's corrections to the working-day calendar are stored.
internal sealed class CalendarCorrectionConfiguration : IEntityTypeConfiguration<CalendarCorrection>
{
    public void Configure(EntityTypeBuilder<CalendarCorrection> e)
    {
        e.HasIndex(c => c.Date);
    }
}
