namespace PhoChau.Core.Petitions;

/// <summary>How a petition came in.</summary>
public enum PetitionChannel { OneStopDesk, Writing, VillageHead, FatherlandFront, Phone, AtSession }
