namespace PhoChau.Core.Auditing;

/// <summary>
/// A property of an audited record the trail leaves out: bytes (a PDF, an image: their hash is audited instead) or a
/// secret (a one-time ticket).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
