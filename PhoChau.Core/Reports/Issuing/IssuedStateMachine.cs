namespace PhoChau.Core.Reports.Issuing;

/// <summary>
/// An issued version only gains signatures: awaiting → signed by the token → sealed, or awaiting → sealed directly
/// (the seal with the signer's image); never back, and never once a newer version replaced it.
/// </summary>
public static class IssuedStateMachine
{
    public static bool CanMove(IssuedState from, IssuedState to) => (from, to) is
        (IssuedState.AwaitingSignature, IssuedState.Signed) or (IssuedState.AwaitingSignature, IssuedState.Sealed) or (IssuedState.Signed, IssuedState.Sealed);

    /// <summary>Refused with the reason the chairman reads: replaced, already signed, already sealed.</summary>
    public static void Demand(IssuedDocument d, IssuedState to)
    {
        if (d.SupersededAtUtc is not null) throw new DomainException(CoreText.Get("Issuing.Superseded"));
        if (!CanMove(d.State, to))
            throw new DomainException(CoreText.Get(d.State == IssuedState.Sealed ? "Issuing.AlreadySealed" : "Issuing.AlreadySigned"));
    }
}
