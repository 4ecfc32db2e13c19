using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhoChau.Core.Messages;

/// <summary>
/// A gateway's token kept across restarts and shared by every node (Zalo's access and refresh tokens: each refresh
/// gives a new refresh token and spends the old one, so the newest must be kept, not the one in configuration).
/// </summary>
public class MessageToken
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

internal sealed class MessageTokenConfiguration : IEntityTypeConfiguration<MessageToken>
{
    public void Configure(EntityTypeBuilder<MessageToken> e)
    {
        e.HasKey(t => t.Name);
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.Version).IsConcurrencyToken();
    }
}
