using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Globalization;

namespace PhoChau.Core.Dialogues;

/// <summary>How the dialogue is held (art. 43: in person, or online / on social networks).</summary>
public enum DialogueForm { InPerson, Online, InPersonAndOnline }

/// <summary>Why it is held: the yearly plan, or a request of the commune's voters.</summary>
public enum DialogueReason { YearlyPlan, VotersRequest }

/// <summary>The commune's number of voters in a year, kept by the administrator: what a voters' request is measured against.</summary>
public class VoterCount : ICommuneOwned
{
    public int CommuneId { get; set; }
    public int Id { get; set; }
    public int Year { get; set; }
    public int Voters { get; set; }

    /// <summary>The year a request is measured in: the request's own, else the dialogue's.</summary>
    public static int YearOf(DateOnly? requestDate, int dialogueYear) => requestDate?.Year ?? dialogueYear;

    /// <summary>The commune's voters of a year; null while the administrator has not given them.</summary>
    public static Task<int?> OfYearAsync(PhoChauDbContext db, int year, CancellationToken ct) =>
        db.VoterCounts.AsNoTracking().Where(v => v.Year == year).Select(v => (int?)v.Voters).SingleOrDefaultAsync(ct);
}

internal sealed class VoterCountConfiguration : IEntityTypeConfiguration<VoterCount>
{
    public void Configure(EntityTypeBuilder<VoterCount> e) => e.HasIndex(v => new { v.CommuneId, v.Year }).IsUnique();
}

/// <summary>A voters' request against the year's number of voters (art. 43: at least 10 % of the voters oblige a dialogue).</summary>
public sealed record VotersRequestCheck(int Signatures, int? Voters)
{
    public const int PercentThatObliges = 10;

    /// <summary>Unknown while the administrator has not given the year's number of voters.</summary>
    public bool? Obliges => Voters is { } v && v > 0 ? (long)Signatures * 100 >= (long)v * PercentThatObliges : null;

    public decimal? Percent => Voters is { } v && v > 0 ? Math.Round(Signatures * 100m / v, 2) : null;
}

/// <summary>The 2025 law's who and why of a dialogue, in the words the documents print.</summary>
public static class DialogueOrganisers
{
    /// <summary>"Ủy ban MTTQ Việt Nam xã (ông/bà …, chức vụ)" and the People's Council's co-chair, when given.</summary>
    public static IEnumerable<string> Lines(Dialogue d)
    {
        if (d.CoOrganiserName.Length > 0 || d.CoOrganiserTitle.Length > 0)
            yield return $"- Phối hợp tổ chức: Ủy ban Mặt trận Tổ quốc Việt Nam xã{Person(d.CoOrganiserName, d.CoOrganiserTitle)}.";
        if (d.CoChairName.Length > 0 || d.CoChairTitle.Length > 0)
            yield return $"- Đồng chủ trì: Thường trực Hội đồng nhân dân xã{Person(d.CoChairName, d.CoChairTitle)}.";
    }

    public static string FormText(Dialogue d) => d.Form switch
    {
        DialogueForm.Online => $"trực tuyến{Link(d)}",
        DialogueForm.InPersonAndOnline => $"trực tiếp tại hội trường và trực tuyến{Link(d)}",
        _ => "trực tiếp",
    };

    public static string? ReasonText(Dialogue d, int? voters) => d.Reason == DialogueReason.VotersRequest && d.VotersRequestSignatures is { } n
        ? $"Theo đề nghị của {n} cử tri{(d.VotersRequestDate is { } on ? " ngày " + on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "")}"
          + (new VotersRequestCheck(n, voters).Percent is { } p ? $" ({p.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} % số cử tri của xã)" : "") + "."
        : null;

    /// <summary>A dialogue held by village clusters: how many sessions, and each with its villages, time and place.</summary>
    public static IEnumerable<string> ClusterLines(IReadOnlyList<ClusterSession> clusters)
    {
        if (clusters.Count == 0) yield break;
        yield return $"- Tổ chức theo cụm thôn, gồm {clusters.Count} buổi:";
        foreach (var c in clusters)
            yield return $"+ {c.Name} (gồm {string.Join(", ", c.Villages)}): {(c.SessionDate is { } day ? TimeAndDay(day, c.StartTime) : "thời gian sẽ thông báo sau")}, tại {c.Venue}.";
    }

    /// <summary>"08 giờ 00 phút, ngày 15/05/2025", as the documents write a session's time.</summary>
    public static string TimeAndDay(DateOnly day, TimeOnly? time) =>
        (time is { } t ? t.ToString("HH 'giờ' mm 'phút', ", CultureInfo.InvariantCulture) : "")
        + "ngày " + day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Person(string name, string title) =>
        (name, title) switch { ({ Length: > 0 }, { Length: > 0 }) => $" (ông/bà {name}, {title})", ({ Length: > 0 }, _) => $" (ông/bà {name})", (_, { Length: > 0 }) => $" ({title})", _ => "" };

    private static string Link(Dialogue d) => d.OnlineLink.Length > 0 ? $" qua địa chỉ {d.OnlineLink}" : "";
}
