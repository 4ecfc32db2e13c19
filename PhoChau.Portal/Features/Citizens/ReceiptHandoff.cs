using PhoChau.Core.Citizens;

namespace PhoChau.Portal.Features.Citizens;

/// <summary>
/// Carries the receipt of a petition just recorded to the page that prints it, within the secretary's circuit:
/// its PIN exists only in memory (the database keeps the hash), so it is shown once, then forgotten.
/// </summary>
public sealed class ReceiptHandoff
{
    private Receipt? _receipt;

    public void Hold(Receipt receipt) => _receipt = receipt;

    public bool Holds(int petitionId) => _receipt?.PetitionId == petitionId;

    public Receipt? Take(int petitionId)
    {
        if (_receipt?.PetitionId != petitionId) return null;
        var r = _receipt;
        _receipt = null;
        return r;
    }
}
