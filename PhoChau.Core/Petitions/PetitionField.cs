namespace PhoChau.Core.Petitions;

/// <summary>The field a petition concerns (plan section II.2).</summary>
public enum PetitionField { AdministrativeProcedure, OfficialsAttitude, AdministrativeReform, Other }
