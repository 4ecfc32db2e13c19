using PhoChau.Core.Choices;

namespace PhoChau.Core.Speakers;

/// <summary>What a citizen types on the phone form: who, from where, on what, and a phone if they want to be called back.</summary>
public sealed class SpeakerRequestInput : IMessageChoice
{
    public string Name { get; set; } = "";
    public string VillageOrOrganisation { get; set; } = "";
    public string Topic { get; set; } = "";
    /// <summary>"Tôi đồng ý được nêu tên trên trang trực tuyến": else the live page shows a number and the village.</summary>
    public bool NamedPublicly { get; set; }
    /// <summary>"Tôi theo dõi trực tuyến": the citizen is not in the hall and is heard from afar (called back on <see cref="Phone"/>).</summary>
    public bool FollowsOnline { get; set; }
    public string? Phone { get; set; }
    /// <summary>The citizen ticked that they agree to their data being used for this request (the purpose shown beside it).</summary>
    public bool Consent { get; set; }
    public string? Email { get; set; }
    /// <summary>Channels the citizen agrees to be told by about the petition their topic becomes (each box unticked by default).</summary>
    public bool NotifyBySms { get; set; }
    public bool NotifyByZalo { get; set; }
    public bool NotifyByEmail { get; set; }
}
