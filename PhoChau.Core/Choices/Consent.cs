namespace PhoChau.Core.Choices;

/// <summary>A record holding a citizen's personal data, and the consent given for it (Law 91/2025/QH15).</summary>
public interface IConsented
{
    DateTime? ConsentAtUtc { get; set; }
    string? ConsentBy { get; set; }
    string? ConsentPurpose { get; set; }
}

/// <summary>
/// Consent as the law asks it: informed (the purpose text, which data, who processes it, the person's rights, shown
/// beside the box), given by an act (a box ticked, never ticked by default), and recorded with when, by whom and the
/// exact text shown, so the commune can show it later even after the text changes.
/// </summary>
public static class Consent
{
    /// <summary>
    /// The purpose text, always in Vietnamese: it is what the citizen read and what the record must prove. Made once:
    /// it never changes while the portal runs, and an import records it on 5,000 petitions (7 MB made anew each time).
    /// </summary>
    public static string Purpose => purpose.Value;

    private static readonly Lazy<string> purpose = new(() => CoreText.Format(CoreText.Vietnamese, "Consent.Purpose"));

    public static void Record(IConsented record, DateTime nowUtc, string by)
    {
        record.ConsentAtUtc = nowUtc;
        record.ConsentBy = by;
        record.ConsentPurpose = Purpose;
    }
}
