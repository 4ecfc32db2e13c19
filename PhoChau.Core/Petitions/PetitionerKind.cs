namespace PhoChau.Core.Petitions;

public enum PetitionerKind { Citizen, Organisation }
