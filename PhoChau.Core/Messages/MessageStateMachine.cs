namespace PhoChau.Core.Messages;

/// <summary>
/// A message's states: waiting → sent, failed (given up) or cancelled (not to be sent); a sent e-mail → bounced when
/// its delivery report comes back; a failed, cancelled or bounced one waits again when an administrator sends it
/// again; a sent one is never sent again.
/// </summary>
public static class MessageStateMachine
{
    public static bool CanMove(MessageState from, MessageState to) => (from, to) is
        (MessageState.Waiting, MessageState.Sent) or (MessageState.Waiting, MessageState.Failed) or (MessageState.Waiting, MessageState.Cancelled)
        or (MessageState.Sent, MessageState.Bounced)
        or (MessageState.Failed, MessageState.Waiting) or (MessageState.Cancelled, MessageState.Waiting) or (MessageState.Bounced, MessageState.Waiting);
}
