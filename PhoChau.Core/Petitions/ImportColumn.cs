namespace PhoChau.Core.Petitions;

/// <summary>The columns of the import template, by header text (matched ignoring case and diacritics).</summary>
public sealed record ImportColumn(string Key, string Header, bool Required, string ModelProperty)
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("name", "Họ tên / Tên tổ chức", true, nameof(PetitionInput.PetitionerName)),
        new("kind", "Cá nhân / Tổ chức", false, nameof(PetitionInput.PetitionerKind)),
        new("village", "Thôn", true, nameof(PetitionInput.VillageId)),
        new("phone", "Số điện thoại", false, nameof(PetitionInput.Phone)),
        new("address", "Địa chỉ", false, nameof(PetitionInput.Address)),
        new("idcard", "Số CCCD", false, nameof(PetitionInput.IdCardNumber)),
        new("channel", "Hình thức tiếp nhận", false, nameof(PetitionInput.Channel)),
        new("received", "Ngày tiếp nhận", true, nameof(PetitionInput.ReceivedOn)),
        new("field", "Lĩnh vực", true, nameof(PetitionInput.Field)),
        new("procedure", "Tên thủ tục hành chính", false, nameof(PetitionInput.ProcedureName)),
        new("text", "Nội dung kiến nghị", true, nameof(PetitionInput.Text)),
        new("email", "Thư điện tử", false, nameof(PetitionInput.Email)),
        // The channels the petitioner chose on the paper form ("SMS, Zalo"); empty: no message.
        new("notify", "Nhận tin qua", false, nameof(PetitionInput.NotifyBySms)),
    ];
}
