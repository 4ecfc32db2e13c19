namespace PhoChau.Core.Reports;

/// <summary>The Excel reports of a dialogue (issue "After the session").</summary>
public enum ReportKind { PetitionRegister, Speakers, FollowUp, Summary }
