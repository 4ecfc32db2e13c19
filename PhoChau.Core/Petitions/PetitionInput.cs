using PhoChau.Core.Choices;

namespace PhoChau.Core.Petitions;

/// <summary>What the secretary records of a petition (and what one import row carries).</summary>
public sealed class PetitionInput : IMessageChoice
{
    public int DialogueId { get; set; }
    public PetitionerKind PetitionerKind { get; set; }
    public string PetitionerName { get; set; } = "";
    public int? VillageId { get; set; }
    /// <summary>A village not in the list, as typed (kept while no village of the list is chosen).</summary>
    public string? VillageTyped { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? IdCardNumber { get; set; }
    public PetitionChannel Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public PetitionField Field { get; set; }
    public string? ProcedureName { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The petitioner was told the purpose (<see cref="Consent.Purpose"/>) and agreed; required to save.</summary>
    public bool Consent { get; set; }
    public string? Email { get; set; }
    /// <summary>The channels the petitioner agrees to be told by about this petition (asked at intake, never assumed).</summary>
    public bool NotifyBySms { get; set; }
    public bool NotifyByZalo { get; set; }
    public bool NotifyByEmail { get; set; }
    /// <summary>Consent the citizen gave before the petition was recorded (on the phone form): kept as given, not as the clerk's now.</summary>
    public IConsented? ConsentGiven { get; set; }

    public static PetitionInput From(Petition p) => new()
    {
        DialogueId = p.DialogueId, PetitionerKind = p.PetitionerKind, PetitionerName = p.PetitionerName, VillageId = p.VillageId, VillageTyped = p.VillageTyped,
        Phone = p.Phone, Address = p.Address, IdCardNumber = p.IdCardNumber, Channel = p.Channel, ReceivedOn = p.ReceivedOn,
        Field = p.Field, ProcedureName = p.ProcedureName, Text = p.Text, Consent = p.ConsentAtUtc is not null,
        Email = p.Email, NotifyBySms = p.NotifyBySms, NotifyByZalo = p.NotifyByZalo, NotifyByEmail = p.NotifyByEmail,
    };
}
