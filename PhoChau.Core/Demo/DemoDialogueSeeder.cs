using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoChau.Core.Calendar;
using PhoChau.Core.Departments;
using PhoChau.Core.Petitions;
using PhoChau.Core.Speakers;
using PhoChau.Core.Text;
using PhoChau.Core.Dialogues;

namespace PhoChau.Core.Demo;

/// <summary>
/// `Seed:Demo=true`: a realistic dialogue so a newcomer sees a working portal at once — villages,
/// a session three weeks ahead, 30 petitions from several villages and fields, registered speakers,
/// and one account per role. Runs only on a database without dialogues.
/// </summary>
public sealed class DemoDialogueSeeder(IServiceProvider services, CalendarService calendar, TimeProvider clock, ILogger<DemoDialogueSeeder> log)
{
    public static readonly string[] Villages =
        ["Thôn Vĩnh Tuy", "Thôn Châu Me", "Thôn Tân Hy", "Thôn Định Tân", "Thôn Vĩnh Thành", "Thôn Phước Thạnh"];

    private static readonly string[] Names =
    [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Huỳnh Văn Em", "Võ Thị Giang",
        "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khánh", "Hồ Thị Lan", "Ngô Văn Minh", "Dương Thị Nga",
        "Lý Văn Phúc", "Nguyễn Thị Quyên", "Trần Văn Sơn", "Lê Thị Thu", "Phạm Văn Tuấn", "Huỳnh Thị Uyên",
        "Võ Văn Vinh", "Đặng Thị Xuân", "Bùi Văn Yên", "Đỗ Thị Ánh", "Hồ Văn Bảo", "Ngô Thị Châu",
        "Lý Thị Diệp", "Nguyễn Văn Đức", "Trần Thị Hằng", "Lê Văn Hùng", "Phạm Thị Kim", "Hợp tác xã Nông nghiệp Phổ Châu",
    ];

    private static readonly (PetitionField Field, string? Procedure, string Text, int Dept)[] Topics =
    [
        (PetitionField.AdministrativeProcedure, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp từ tháng trước nhưng chưa được trả kết quả, đề nghị cho biết lý do chậm.", 3),
        (PetitionField.AdministrativeProcedure, "Đăng ký khai sinh", "Đề nghị hướng dẫn thủ tục đăng ký khai sinh cho con sinh ở tỉnh khác, cán bộ yêu cầu nhiều giấy tờ không cần thiết.", 2),
        (PetitionField.OfficialsAttitude, null, "Phản ánh cán bộ tiếp nhận hồ sơ tại bộ phận một cửa có thái độ chưa niềm nở, hẹn lại nhiều lần.", 0),
        (PetitionField.AdministrativeReform, null, "Đề nghị công khai đầy đủ danh mục thủ tục hành chính và phí, lệ phí tại nhà văn hóa thôn.", 0),
        (PetitionField.AdministrativeProcedure, "Chứng thực bản sao từ bản chính", "Đề nghị bố trí thêm người chứng thực vào buổi sáng thứ Hai vì người dân phải chờ lâu.", 2),
        (PetitionField.AdministrativeProcedure, "Cấp phép xây dựng nhà ở riêng lẻ", "Thời gian giải quyết hồ sơ xin phép sửa chữa nhà quá dài, đề nghị rút ngắn.", 3),
        (PetitionField.Other, null, "Đường liên thôn xuống cấp, mùa mưa đi lại khó khăn, đề nghị xã có kế hoạch sửa chữa.", 3),
        (PetitionField.AdministrativeReform, null, "Đề nghị hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công.", 1),
        (PetitionField.AdministrativeProcedure, "Xác nhận tình trạng hôn nhân", "Xin xác nhận tình trạng hôn nhân để làm thủ tục vay vốn nhưng phải đi lại nhiều lần.", 2),
        (PetitionField.Other, null, "Đề nghị tăng cường tuần tra bảo đảm an ninh trật tự khu vực chợ vào ban đêm.", 6),
    ];

    public async Task SeedAsync(string? demoPassword, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PhoChauDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Dialogues.AnyAsync(ct)) return;

        foreach (var (name, i) in Villages.Select((n, i) => (n, i)))
            if (!await db.Villages.AnyAsync(v => v.Name == name, ct))
                db.Villages.Add(new Village { Name = name, SortOrder = i + 1 });
        await db.SaveChangesAsync(Actor.System, ct);

        var villages = await db.Villages.OrderBy(v => v.SortOrder).ToListAsync(ct);
        var departments = await db.Departments.Where(d => d.Kind == UnitKind.Department).OrderBy(d => d.SortOrder).ToListAsync(ct);
        var profile = await db.CommuneProfiles.SingleAsync(ct);
        var today = VietnamTime.Today(clock);
        var sessionDate = NextWeekday(today.AddDays(21));

        var dialogue = new Dialogue
        {
            Title = $"Đối thoại giữa Chủ tịch UBND xã với công dân, tổ chức về cải cách hành chính năm {sessionDate.Year}",
            PlanNumber = $"45/KH-UBND",
            PlanDate = today.AddDays(-30),
            Year = sessionDate.Year,
            Quarter = (sessionDate.Month - 1) / 3 + 1,
            SessionDate = sessionDate,
            StartTime = new TimeOnly(8, 0),
            Venue = profile.HallName,
            ChairName = profile.ChairmanName,
            SecretaryName = "Nguyễn Thị Mai",
            Agenda = DefaultAgenda.Text,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Deadlines = DeadlineService.Defaults(),
        };
        dialogue.MoveTo(DialogueState.Announced);
        db.Dialogues.Add(dialogue);
        await db.SaveChangesAsync(Actor.System, ct);

        for (var i = 0; i < 30; i++)
        {
            var topic = Topics[i % Topics.Length];
            var name = Names[i];
            var number = i + 1;
            var state = (i % 5) switch { 0 => PetitionState.Received, 1 or 2 => PetitionState.Assigned, 3 => PetitionState.AnswerDrafted, _ => PetitionState.AnswerApproved };
            var petition = new Petition
            {
                DialogueId = dialogue.Id,
                Number = number,
                Code = PetitionCode.Format(dialogue.Year, number),
                PetitionerKind = i == 29 ? PetitionerKind.Organisation : PetitionerKind.Citizen,
                PetitionerName = name,
                NameSortKey = VietnameseText.NameSortKey(name),
                SearchText = VietnameseText.Fold(name + " " + topic.Text),
                VillageId = villages[i % villages.Count].Id,
                Phone = i % 3 == 0 ? $"09{(i * 7919 % 100000000):D8}" : null,
                Channel = (PetitionChannel)(i % 5),
                ReceivedOn = today.AddDays(-20 + i % 15),
                Field = topic.Field,
                ProcedureName = topic.Procedure,
                Text = topic.Text,
                LeadDepartmentId = state == PetitionState.Received ? null : departments[topic.Dept].Id,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                AssignedAtUtc = state == PetitionState.Received ? null : clock.GetUtcNow().UtcDateTime,
                Answer = state is PetitionState.AnswerDrafted or PetitionState.AnswerApproved ? "Bộ phận đã kiểm tra hồ sơ và sẽ trả lời cụ thể tại buổi đối thoại." : null,
            };
            // Along the petition's own path, as the officers would have moved it.
            foreach (var step in new[] { PetitionState.Assigned, PetitionState.AnswerDrafted, PetitionState.AnswerApproved }.Where(s => s <= state))
                petition.MoveTo(step);
            db.Petitions.Add(petition);
        }
        for (var i = 0; i < 6; i++)
            db.Speakers.Add(new Speaker
            {
                DialogueId = dialogue.Id, Position = i + 1, Name = Names[i * 4],
                VillageOrOrganisation = villages[i % villages.Count].Name, Topic = Topics[i].Text[..Math.Min(60, Topics[i].Text.Length)],
                RegisteredAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        await db.SaveChangesAsync(Actor.System, ct);
        // Deadlines and the petitions' answer due dates from the working-day calendar.
        DeadlineService.Recount(db, dialogue, await calendar.GetCalendarAsync(ct));
        await db.SaveChangesAsync(Actor.System, ct);

        if (!string.IsNullOrEmpty(demoPassword)) await SeedUsersAsync(demoPassword, departments);
        log.LogInformation("Đã nạp buổi đối thoại mẫu {Title} với 30 kiến nghị và 6 người phát biểu. / Loaded the demo dialogue.", dialogue.Title);
    }

    private async Task SeedUsersAsync(string password, List<Department> departments)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (string User, string Name, string Role, int? Dept)[] accounts =
        [
            ("chutich", "Lê Văn Thái", Roles.Chairman, null),
            ("thuky", "Nguyễn Thị Mai", Roles.Secretary, null),
            ("diachinh", "Trần Văn Long", Roles.DepartmentOfficer, departments[3].Id),
            ("tuphap", "Phạm Thị Hạnh", Roles.DepartmentOfficer, departments[2].Id),
            ("xem", "Người xem", Roles.Viewer, null),
        ];
        foreach (var a in accounts)
        {
            if (await users.FindByNameAsync(a.User) is not null) continue;
            var user = new AppUser { UserName = a.User, FullName = a.Name, DepartmentId = a.Dept };
            if ((await users.CreateAsync(user, password)).Succeeded)
                await users.AddToRoleAsync(user, a.Role);
        }
    }

    private static DateOnly NextWeekday(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }
}
