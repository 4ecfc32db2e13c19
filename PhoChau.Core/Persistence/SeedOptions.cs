namespace PhoChau.Core.Persistence;

/// <summary>Configuration section "Seed": first-run account and the optional demo dialogue.</summary>
public sealed class SeedOptions
{
    /// <summary>Password of the first `admin` account; when empty a strong one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>A province: the password of the first province administrator `tinh` (created only when given).</summary>
    public string? ProvinceAdminPassword { get; set; }
    /// <summary>Loads a realistic demo dialogue (a session, ~30 petitions, speakers) into an empty database.</summary>
    public bool Demo { get; set; }
    /// <summary>Password of the demo accounts (chutich, thuky, tuphap, xem); defaults to the admin password.</summary>
    public string? DemoPassword { get; set; }
}
