namespace PhoChau.Core.Petitions;

/// <summary>How a written reply reached the citizen (plan 4.3).</summary>
public enum ReplyChannel { ByHand, Post, VillageHead, Email }
