namespace PhoChau.Core.Citizens;

/// <summary>A petition code locked after too many wrong PINs: the citizen is told to ask the commune for a new PIN.</summary>
public sealed class PinLockedException() : DomainException(CoreText.Get("Public.PinLocked"));
