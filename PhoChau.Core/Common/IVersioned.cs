namespace PhoChau.Core.Common;

/// <summary>Optimistic concurrency: the context bumps Version on every update and refuses a stale one.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
