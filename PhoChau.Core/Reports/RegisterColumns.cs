using PhoChau.Core.Petitions;
using PhoChau.Core.Documents;

namespace PhoChau.Core.Reports;

/// <summary>
/// The petition register's columns, declared once: each column's header, whether it holds personal data (shown only
/// to the roles that see it), its value for a petition, and its longest value from the width queries. The headers,
/// the rows and the widths all come from this one list, so they cannot drift out of step.
/// </summary>
internal static class RegisterColumns
{
    /// <summary>The names a row's ids stand for.</summary>
    public sealed record Names(IReadOnlyDictionary<int, string> Villages, IReadOnlyDictionary<int, string> Departments);

    /// <summary>The longest values, from a few aggregate queries (the widths are known before the first row is streamed).</summary>
    public sealed record Longest(int Code, int Name, int Kind, int Village, int Phone, int Address, int IdCard, int Channel, int Field,
        int Procedure, int Text, int Department, int State, int Due, int Answer, int Sent);

    private sealed record Column(string Header, bool Personal, Func<Petition, Names, ReportCell> Cell, Func<Longest, int> Width);

    private static readonly Column[] All =
    [
        new("Mã", false, (p, _) => p.Code, l => l.Code),
        new("Người kiến nghị", false, (p, _) => p.PetitionerName, l => l.Name),
        new("Cá nhân / Tổ chức", false, (p, _) => PetitionLabels.Kinds[p.PetitionerKind], l => l.Kind),
        new("Thôn", false, (p, n) => p.VillageId is { } v ? n.Villages.GetValueOrDefault(v) : p.VillageTyped, l => l.Village),
        new("Số điện thoại", true, (p, _) => p.Phone, l => l.Phone),
        new("Địa chỉ", true, (p, _) => p.Address, l => l.Address),
        new("Số CCCD", true, (p, _) => p.IdCardNumber, l => l.IdCard),
        new("Hình thức tiếp nhận", false, (p, _) => PetitionLabels.Channels[p.Channel], l => l.Channel),
        new("Ngày tiếp nhận", false, (p, _) => (DateOnly?)p.ReceivedOn, _ => 10),
        new("Lĩnh vực", false, (p, _) => PetitionLabels.Fields[p.Field], l => l.Field),
        new("Thủ tục hành chính", false, (p, _) => p.ProcedureName, l => l.Procedure),
        new("Nội dung kiến nghị", false, (p, _) => p.Text, l => l.Text),
        new("Bộ phận trả lời", false, (p, n) => p.LeadDepartmentId is { } d ? n.Departments.GetValueOrDefault(d) : null, l => l.Department),
        new("Trạng thái", false, (p, _) => PetitionStateMachine.DocumentStateName(p.State), l => l.State),
        new("Hạn trả lời", false, (p, _) => DueDate(p), l => l.Due),
        new("Nội dung trả lời", false, (p, _) => p.ReplyText ?? p.SessionAnswer ?? p.Answer, l => l.Answer),
        new("Ngày gửi văn bản trả lời", false, (p, _) => p.ReplySentOn, l => l.Sent),
    ];

    private static readonly Column[] WithPersonal = All;
    private static readonly Column[] WithoutPersonal = All.Where(c => !c.Personal).ToArray();

    private static Column[] For(bool personal) => personal ? WithPersonal : WithoutPersonal;

    public static IReadOnlyList<string> Headers(bool personal) => For(personal).Select(c => c.Header).ToList();

    public static IReadOnlyList<ReportCell> Row(Petition p, bool personal, Names names)
    {
        var columns = For(personal);
        var row = new ReportCell[columns.Length]; // one array a row: 100,000 of them in a register
        for (var i = 0; i < columns.Length; i++) row[i] = columns[i].Cell(p, names);
        return row;
    }

    public static IReadOnlyList<int> LongestValues(bool personal, Longest longest) => For(personal).Select(c => c.Width(longest)).ToList();

    /// <summary>The due date the register shows: the written reply's once the petition is in writing, else the answer's.</summary>
    public static DateOnly? DueDate(Petition p) => p.State is PetitionState.NotSettled or PetitionState.ReplySent ? p.ReplyDueDate : p.AnswerDueDate;
}
