namespace PhoChau.Core.Citizens;

/// <summary>One line of the satisfaction figures: the ratings, beside the written replies on time and late.</summary>
public sealed record SatisfactionLine(string Name, int Satisfied, int Neutral, int Unsatisfied, int RepliedOnTime, int RepliedLate)
{
    public int Rated => Satisfied + Neutral + Unsatisfied;

    /// <summary>The share of ratings that are "satisfied", or null with no rating.</summary>
    public double? SatisfiedShare => Rated == 0 ? null : (double)Satisfied / Rated;
}

/// <summary>A quarter's satisfied share (ratings given in that quarter, Vietnam time).</summary>
public sealed record QuarterSatisfaction(int Year, int Quarter, int Rated, int Satisfied)
{
    public string Label => $"Q{Quarter}/{Year}";
    public double? SatisfiedShare => Rated == 0 ? null : (double)Satisfied / Rated;
}

/// <summary>The figures the province's satisfaction surveys ask for: by department, by field, and by quarter.</summary>
public sealed record SatisfactionFigures(IReadOnlyList<SatisfactionLine> ByDepartment, IReadOnlyList<SatisfactionLine> ByField, IReadOnlyList<QuarterSatisfaction> ByQuarter);
