using System.Globalization;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Core.Citizens;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Documents;
using PhoChau.Core.Records;

namespace PhoChau.Core.Reports;

/// <summary>
/// The Excel reports for the Party committee, the People's Council and the district: the petition register,
/// the speaker list, the follow-up by department and the summary by field and village. Personal data columns
/// only for roles allowed to see them; a department officer gets its own department's petitions only.
/// </summary>
public sealed class ReportService(IDbContextFactory<PhoChauDbContext> dbFactory, CalendarService calendar, SatisfactionService satisfaction, TimeProvider clock)
{
    public static string FileName(ReportKind kind, int dialogueId) => kind switch
    {
        ReportKind.PetitionRegister => $"so-theo-doi-kien-nghi-{dialogueId}.xlsx",
        ReportKind.Speakers => $"danh-sach-phat-bieu-{dialogueId}.xlsx",
        ReportKind.FollowUp => $"theo-doi-tra-loi-theo-bo-phan-{dialogueId}.xlsx",
        _ => $"tong-hop-linh-vuc-thon-{dialogueId}.xlsx",
    };

    /// <summary>Refuses, before anything is written, a dialogue that does not exist or a caller without a role.</summary>
    public async Task EnsureReadableAsync(Actor actor, int dialogueId, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Dialogues.AnyAsync(d => d.Id == dialogueId, ct)) throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
    }

    /// <summary>
    /// Writes the report. The petition register is streamed (rows read and written one at a time, nothing of the
    /// file kept in memory): it writes synchronously, so <paramref name="output"/> must accept synchronous writes.
    /// The small reports are formatted with ClosedXML.
    /// </summary>
    public async Task WriteAsync(Actor actor, int dialogueId, ReportKind kind, Stream output, CancellationToken ct = default)
    {
        if (actor.Roles.Count == 0) throw new ForbiddenException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct) ?? throw new NotFoundException(CoreText.Get("Dialogues.NotFound"));
        var heading = await HeadingAsync(db, dialogue, ct);
        if (kind == ReportKind.PetitionRegister)
        {
            await WriteRegisterAsync(db, actor, dialogueId, heading, output, ct);
            return;
        }
        var table = kind switch
        {
            ReportKind.Speakers => await SpeakersAsync(db, dialogueId, ct),
            ReportKind.FollowUp => await FollowUpAsync(db, actor, dialogueId, ct),
            _ => await SummaryAsync(db, actor, dialogue, ct),
        };
        XlsxReportWriter.Write(output, heading, table);
    }

    /// <summary>"ỦY BAN NHÂN DÂN XÃ … — title (ngày …)": the first line of every report.</summary>
    public static async Task<string> HeadingAsync(PhoChauDbContext db, Dialogue dialogue, CancellationToken ct)
    {
        var commune = await CommuneProfileService.ReadAsync(db, ct);
        return $"{commune.CommitteeName.ToUpper(new CultureInfo("vi-VN"))} — {dialogue.Title}"
               + (dialogue.HeldOn() is { } date ? $" (ngày {date:dd/MM/yyyy})" : "");
    }

    private static IQueryable<Petition> Visible(PhoChauDbContext db, Actor actor, int dialogueId)
    {
        var q = db.Petitions.AsNoTracking().Where(p => p.DialogueId == dialogueId);
        // An officer exports its own department's petitions only.
        if (actor.IsIn(Roles.DepartmentOfficer) && !actor.Allows(Permission.ManageWorkflow))
            q = q.Where(p => p.LeadDepartmentId == actor.DepartmentId);
        return q;
    }

    public const string RegisterSheet = "Sổ kiến nghị";
    public const string RegisterTitle = "SỔ THEO DÕI KIẾN NGHỊ, PHẢN ÁNH";

    /// <summary>The register's columns (<see cref="RegisterColumns"/>); the personal ones only for roles that may see them.</summary>
    public static IReadOnlyList<string> RegisterHeaders(bool personal) => RegisterColumns.Headers(personal);

    /// <summary>One petition as a register row, in the order of <see cref="RegisterHeaders"/>.</summary>
    public static IReadOnlyList<ReportCell> RegisterRow(Petition p, bool personal, IReadOnlyDictionary<int, string> villages, IReadOnlyDictionary<int, string> departments) =>
        RegisterColumns.Row(p, personal, new RegisterColumns.Names(villages, departments));

    private static async Task WriteRegisterAsync(PhoChauDbContext db, Actor actor, int dialogueId, string heading, Stream output, CancellationToken ct)
    {
        var personal = actor.Allows(Permission.SeePersonalData);
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var headers = RegisterHeaders(personal);
        var layout = new SheetLayout(RegisterSheet, heading, RegisterTitle, headers, await RegisterWidthsAsync(db, actor, dialogueId, personal, headers, villages, departments, ct));
        // Only the columns the register shows (not the search and sort keys), read one row at a time.
        var petitions = Visible(db, actor, dialogueId).OrderBy(p => p.Number).Select(p => new
        {
            p.State,
            Row = new Petition
            {
            Code = p.Code, PetitionerName = p.PetitionerName, PetitionerKind = p.PetitionerKind, VillageId = p.VillageId, Phone = p.Phone,
            Address = p.Address, IdCardNumber = p.IdCardNumber, Channel = p.Channel, ReceivedOn = p.ReceivedOn, Field = p.Field,
            ProcedureName = p.ProcedureName, Text = p.Text, LeadDepartmentId = p.LeadDepartmentId, ReplyDueDate = p.ReplyDueDate,
            AnswerDueDate = p.AnswerDueDate, ReplyText = p.ReplyText, SessionAnswer = p.SessionAnswer, Answer = p.Answer, ReplySentOn = p.ReplySentOn,
            },
        }).AsAsyncEnumerable();
        await StreamingXlsxWriter.WriteAsync(output, layout, Rows(), ct);

        async IAsyncEnumerable<IReadOnlyList<ReportCell>> Rows()
        {
            await foreach (var p in petitions.WithCancellation(ct))
            {
                p.Row.CopyStored(p.State);
                yield return RegisterRow(p.Row, personal, villages, departments);
            }
        }
    }

    /// <summary>
    /// Each column as wide as its longest value (up to 60, then wrapped), found by queries instead of a pass over the
    /// rows, so the widths are known before the first row is streamed.
    /// </summary>
    private static async Task<int[]> RegisterWidthsAsync(PhoChauDbContext db, Actor actor, int dialogueId, bool personal, IReadOnlyList<string> headers,
        IReadOnlyDictionary<int, string> villages, IReadOnlyDictionary<int, string> departments, CancellationToken ct)
    {
        var q = Visible(db, actor, dialogueId);
        var m = await q.GroupBy(_ => 1).Select(g => new
        {
            Code = g.Max(p => p.Code.Length), Name = g.Max(p => p.PetitionerName.Length),
            Phone = g.Max(p => (p.Phone ?? "").Length), Address = g.Max(p => (p.Address ?? "").Length), Id = g.Max(p => (p.IdCardNumber ?? "").Length),
            Procedure = g.Max(p => (p.ProcedureName ?? "").Length), Text = g.Max(p => p.Text.Length),
            Answer = g.Max(p => (p.ReplyText ?? p.SessionAnswer ?? p.Answer ?? "").Length),
            Due = g.Max(p => (p.State == PetitionState.NotSettled || p.State == PetitionState.ReplySent ? p.ReplyDueDate : p.AnswerDueDate) != null ? 10 : 0),
            Sent = g.Max(p => p.ReplySentOn != null ? 10 : 0),
        }).SingleOrDefaultAsync(ct);
        if (m is null) return headers.Select(h => SheetLayout.Width(h, 0)).ToArray();
        var kinds = await q.Select(p => p.PetitionerKind).Distinct().ToListAsync(ct);
        var channels = await q.Select(p => p.Channel).Distinct().ToListAsync(ct);
        var fields = await q.Select(p => p.Field).Distinct().ToListAsync(ct);
        var states = await q.Select(p => p.State).Distinct().ToListAsync(ct);
        var villageIds = await q.Where(p => p.VillageId != null).Select(p => p.VillageId!.Value).Distinct().ToListAsync(ct);
        var departmentIds = await q.Where(p => p.LeadDepartmentId != null).Select(p => p.LeadDepartmentId!.Value).Distinct().ToListAsync(ct);
        static int Longest(IEnumerable<string?> values) => values.Select(v => v?.Length ?? 0).DefaultIfEmpty(0).Max();
        var longest = RegisterColumns.LongestValues(personal, new RegisterColumns.Longest(
            m.Code, m.Name, Longest(kinds.Select(k => PetitionLabels.Kinds[k])), Longest(villageIds.Select(villages.GetValueOrDefault)),
            m.Phone, m.Address, m.Id, Longest(channels.Select(c => PetitionLabels.Channels[c])), Longest(fields.Select(f => PetitionLabels.Fields[f])),
            m.Procedure, m.Text, Longest(departmentIds.Select(departments.GetValueOrDefault)), Longest(states.Select(PetitionStateMachine.DocumentStateName)),
            m.Due, m.Answer, m.Sent));
        return headers.Select((h, i) => SheetLayout.Width(h, Math.Min(longest[i], XlsxReportWriter.MaxCellLength))).ToArray();
    }

    private async Task<ReportTable[]> SpeakersAsync(PhoChauDbContext db, int dialogueId, CancellationToken ct)
    {
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.DialogueId == dialogueId).OrderBy(s => s.Position).ToListAsync(ct);
        var ids = speakers.Select(s => s.Id).ToList();
        var links = await (from l in db.SpeakerPetitions.AsNoTracking()
                           join p in db.Petitions on l.PetitionId equals p.Id
                           where ids.Contains(l.SpeakerId)
                           select new { l.SpeakerId, p.Code, p.State }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = speakers.Select((s, i) =>
        {
            var mine = links.Where(l => l.SpeakerId == s.Id).ToList();
            var used = SpeakingTime.SecondsUsed(s, now);
            return (IReadOnlyList<ReportCell>)new List<ReportCell>
            {
                i + 1, s.Name, s.VillageOrOrganisation, s.Topic, SpeakerStateMachine.DocumentStatusName(s.Status),
                s.StartedAtUtc is { } st ? st.Add(VietnamTime.Offset).ToString("HH:mm", CultureInfo.InvariantCulture) : null,
                s.StartedAtUtc is null ? null : SpeakingTime.Format(used),
                string.Join(", ", mine.Select(m => m.Code)),
                string.Join("; ", mine.Select(m => $"{m.Code}: {PetitionStateMachine.DocumentStateName(m.State)}")),
                s.Summary, s.AnswerGiven,
            };
        }).ToList();
        var allowed = await db.Dialogues.AsNoTracking().Where(d => d.Id == dialogueId).Select(d => d.SpeakingTimeSeconds).SingleAsync(ct);
        var byVillage = SpeakingTime.ByVillage(speakers, allowed, now).Select(v => (IReadOnlyList<ReportCell>)new List<ReportCell>
        {
            v.Village, v.Speakers, SpeakingTime.Format(v.TotalSeconds), SpeakingTime.Format(v.AverageSeconds), SpeakingTime.Format(v.LongestSeconds), v.OverLimit,
        }).ToList();
        return
        [
            new ReportTable("Người phát biểu", "DANH SÁCH NGƯỜI PHÁT BIỂU",
                ["STT", "Họ tên", "Thôn / tổ chức", "Nội dung đăng ký", "Trạng thái", "Giờ bắt đầu", "Thời gian đã nói (phút:giây)", "Kiến nghị", "Kết quả", "Tóm tắt ý kiến", "Trả lời"], rows),
            // Who had the floor, by village: the speaking-time statistics the minutes and the Party committee ask for.
            new ReportTable("Thời gian theo thôn", $"THỜI GIAN PHÁT BIỂU THEO THÔN, TỔ CHỨC (mỗi người {SpeakingTime.Format(allowed)})",
                ["Thôn / tổ chức", "Số người đã phát biểu", "Tổng thời gian", "Trung bình", "Lâu nhất", "Số người quá giờ"], byVillage),
        ];
    }

    /// <summary>
    /// By lead department: assigned; settled at the session; written replies sent on time or late (against the
    /// reply deadline); overdue (not settled, no reply, deadline passed); still within the deadline.
    /// </summary>
    private async Task<ReportTable[]> FollowUpAsync(PhoChauDbContext db, Actor actor, int dialogueId, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Kind == UnitKind.Department).OrderBy(d => d.SortOrder).ToListAsync(ct);
        // Every petition that is still a petition (withdrawn and merged ones are not answered), with a department or not:
        // the same count as the minutes', the report's and the summary's (issue 33.1).
        var petitions = await Visible(db, actor, dialogueId)
            .Where(p => p.State != PetitionState.Withdrawn && p.State != PetitionState.Merged).ToListAsync(ct);
        var cal = await calendar.GetCalendarAsync(ct);
        var rated = await satisfaction.FiguresAsync(actor, dialogueId, ct);
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var d in departments)
        {
            var mine = petitions.Where(p => p.LeadDepartmentId == d.Id).ToList();
            if (mine.Count == 0) continue;
            var figures = FollowUpFigures.Of(mine, today);
            var worstLate = mine.Where(p => FollowUpFigures.IsOverdue(p, today))
                .Select(p => cal.CountWorkingDaysBetween(p.ReplyDueDate!.Value, today)).DefaultIfEmpty(0).Max();
            var s = rated.ByDepartment.FirstOrDefault(l => l.Name == d.Name);
            rows.Add([d.Name, figures.Assigned, figures.SettledAtSession, figures.RepliedOnTime, figures.RepliedLate, figures.Overdue, figures.Pending, worstLate,
                s?.Satisfied ?? 0, s?.Neutral ?? 0, s?.Unsatisfied ?? 0, Percent(s?.SatisfiedShare)]);
        }
        var unassigned = petitions.Where(p => p.LeadDepartmentId is null).ToList();
        if (unassigned.Count > 0)
        {
            var f = FollowUpFigures.Of(unassigned, today);
            rows.Add([SessionRecord.NotAssigned, f.Assigned, f.SettledAtSession, f.RepliedOnTime, f.RepliedLate, f.Overdue, f.Pending, (string?)null, (string?)null, (string?)null, (string?)null, (string?)null]);
        }
        if (petitions.Count > 0)
        {
            var all = FollowUpFigures.Of(petitions, today);
            var (sat, neu, uns) = (rated.ByDepartment.Sum(l => l.Satisfied), rated.ByDepartment.Sum(l => l.Neutral), rated.ByDepartment.Sum(l => l.Unsatisfied));
            rows.Add(["Tổng cộng", all.Assigned, all.SettledAtSession, all.RepliedOnTime, all.RepliedLate, all.Overdue, all.Pending,
                (int)rows.Select(r => r[7].Number ?? 0).DefaultIfEmpty(0).Max(), sat, neu, uns, Percent(sat + neu + uns == 0 ? null : (double)sat / (sat + neu + uns))]);
        }
        // Beside the on-time figures, what the province's satisfaction surveys ask for: the citizens' own ratings.
        var byField = rated.ByField.Select(l => (IReadOnlyList<ReportCell>)[l.Name, l.RepliedOnTime, l.RepliedLate, l.Satisfied, l.Neutral, l.Unsatisfied, Percent(l.SatisfiedShare)]).ToList();
        return
        [
            new ReportTable("Theo dõi trả lời", $"TÌNH HÌNH TRẢ LỜI KIẾN NGHỊ THEO BỘ PHẬN (đến ngày {today:dd/MM/yyyy})",
                ["Bộ phận", "Được giao", "Giải quyết tại buổi đối thoại", "Trả lời đúng hạn", "Trả lời trễ hạn", "Quá hạn chưa trả lời", "Đang trong hạn", "Quá hạn lâu nhất (ngày làm việc)",
                 "Hài lòng", "Bình thường", "Không hài lòng", "Tỷ lệ hài lòng (%)"], rows),
            new ReportTable("Mức độ hài lòng", "MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN VỚI VĂN BẢN TRẢ LỜI, THEO LĨNH VỰC",
                ["Lĩnh vực", "Trả lời đúng hạn", "Trả lời trễ hạn", "Hài lòng", "Bình thường", "Không hài lòng", "Tỷ lệ hài lòng (%)"], byField),
        ];
    }

    private static ReportCell Percent(double? share) => share is { } v ? new ReportCell(null, null, Math.Round(v * 100, 1)) : (string?)null;

    /// <summary>Beside a village typed in the hall that is not in the list yet.</summary>
    public const string TypedVillageMark = "(chưa có trong danh sách thôn)";

    private static async Task<ReportTable[]> SummaryAsync(PhoChauDbContext db, Actor actor, Dialogue dialogue, CancellationToken ct)
    {
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var petitions = await Visible(db, actor, dialogue.Id).ToListAsync(ct);
        var held = dialogue.WasHeld();
        // The same parts as the results report, adding up to the total (plan 4.2 step 5).
        // "Before the session" only while it is ahead: after it, nothing is.
        string[] headers = held
            ? ["", "Tổng số", "Giải quyết tại buổi đối thoại", "Trả lời bằng văn bản", "Trong đó: đã gửi văn bản trả lời", "Rút, gộp"]
            : ["", "Tổng số", "Giải quyết tại buổi đối thoại", "Trả lời bằng văn bản", "Trong đó: đã gửi văn bản trả lời", "Đang xử lý trước buổi đối thoại", "Rút, gộp"];
        IReadOnlyList<ReportCell> Line(string name, List<Petition> ps)
        {
            var o = OutcomeFigures.Of(ps, held);
            return held
                ? [name, o.Total, o.SettledAtSession, o.InWriting, o.Replied, o.WithdrawnOrMerged]
                : [name, o.Total, o.SettledAtSession, o.InWriting, o.Replied, o.BeforeSession, o.WithdrawnOrMerged];
        }
        var byField = PetitionLabels.Fields.Select(f => Line(f.Value, petitions.Where(p => p.Field == f.Key).ToList())).Where(r => r[1].Number > 0).ToList();
        var byVillage = petitions.GroupBy(p => p.VillageId is { } v ? villages.GetValueOrDefault(v, "(không rõ)")
                : p.VillageTyped is { } typed ? $"{typed} {TypedVillageMark}" : "(không rõ thôn)")
            .OrderBy(g => g.Key).Select(g => Line(g.Key, g.ToList())).ToList();
        if (petitions.Count > 0)
        {
            byField.Add(Line("Tổng cộng", petitions));
            byVillage.Add(Line("Tổng cộng", petitions));
        }
        return
        [
            new ReportTable("Theo lĩnh vực", "TỔNG HỢP KIẾN NGHỊ THEO LĨNH VỰC", ["Lĩnh vực", .. headers[1..]], byField),
            new ReportTable("Theo thôn", "TỔNG HỢP KIẾN NGHỊ THEO THÔN", ["Thôn", .. headers[1..]], byVillage),
        ];
    }
}
