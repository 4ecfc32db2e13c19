namespace PhoChau.Portal.Resources;

/// <summary>Anchor of the messages' pages text: MessagesText.resx and MessagesText.en-US.resx.</summary>
public sealed class MessagesText;
