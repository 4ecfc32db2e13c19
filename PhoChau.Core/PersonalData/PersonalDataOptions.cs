namespace PhoChau.Core.PersonalData;

/// <summary>Section "PersonalData": the deadline of a citizen's request and how long a closed petition keeps its personal data.</summary>
public sealed class PersonalDataOptions
{
    /// <summary>Working days to answer a citizen's request about their data (2 under Law 91/2025 and Decree 356/2025).</summary>
    public int RequestWorkingDays { get; set; } = 2;

    /// <summary>
    /// Years a finished petition keeps its petitioner's personal data and scans before the daily job anonymises it
    /// (the counts and the matter stay). 0 turns the job off. See the README ("Personal data") for where the default comes from.
    /// </summary>
    public int RetentionYears { get; set; } = 5;

    /// <summary>The hour (Vietnam time) of the daily retention job.</summary>
    public int RetentionHour { get; set; } = 2;
}
