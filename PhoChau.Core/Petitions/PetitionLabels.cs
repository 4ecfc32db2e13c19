namespace PhoChau.Core.Petitions;

/// <summary>The Vietnamese words for a petition's kinds, as staff write them in Excel lists and read them on screen.</summary>
public static class PetitionLabels
{
    public static readonly IReadOnlyDictionary<PetitionChannel, string> Channels = new Dictionary<PetitionChannel, string>
    {
        [PetitionChannel.OneStopDesk] = "Tại Bộ phận một cửa",
        [PetitionChannel.Writing] = "Bằng văn bản",
        [PetitionChannel.VillageHead] = "Qua Trưởng thôn",
        [PetitionChannel.FatherlandFront] = "Qua Mặt trận Tổ quốc",
        [PetitionChannel.Phone] = "Qua điện thoại",
        [PetitionChannel.AtSession] = "Tại buổi đối thoại",
    };

    public static readonly IReadOnlyDictionary<PetitionField, string> Fields = new Dictionary<PetitionField, string>
    {
        [PetitionField.AdministrativeProcedure] = "Thủ tục hành chính",
        [PetitionField.OfficialsAttitude] = "Thái độ phục vụ của cán bộ, công chức",
        [PetitionField.AdministrativeReform] = "Cải cách hành chính nói chung",
        [PetitionField.Other] = "Khác",
    };

    public static readonly IReadOnlyDictionary<PetitionerKind, string> Kinds = new Dictionary<PetitionerKind, string>
    {
        [PetitionerKind.Citizen] = "Cá nhân",
        [PetitionerKind.Organisation] = "Tổ chức",
    };
}
