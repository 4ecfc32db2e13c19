using Microsoft.EntityFrameworkCore;
using PhoChau.Core.Departments;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Support;

/// <summary>Arranges dialogues, villages and petitions through the real services for a test.</summary>
public static class WorkflowData
{
    public static async Task<Dialogue> DialogueAsync(CoreTestHost host, DateOnly? sessionDate = null)
    {
        var date = sessionDate ?? new DateOnly(2026, 4, 14); // Tue; the test clock is Mon 2/3/2026
        return await host.Get<DialogueService>().CreateAsync(CoreTestHost.Secretary, new DialogueInput
        {
            Title = "Đối thoại về cải cách hành chính năm " + date.Year, Year = date.Year, Quarter = 2,
            SessionDate = date, StartTime = new TimeOnly(8, 0), Venue = "Hội trường UBND xã Phổ Châu",
            ChairName = "Lê Văn Thái", SecretaryName = "Nguyễn Thị Mai",
        });
    }

    public static async Task<Village> VillageAsync(CoreTestHost host, string name = "Thôn Vĩnh Tuy")
    {
        var service = host.Get<VillageService>();
        return (await service.ListAsync()).FirstOrDefault(v => v.Name == name) ?? await service.AddAsync(CoreTestHost.Admin, name);
    }

    public static PetitionInput Input(int dialogueId, string name = "Nguyễn Văn An", int? villageId = null, string text = "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất chậm trả kết quả.") => new()
    {
        DialogueId = dialogueId, PetitionerName = name, VillageId = villageId, Channel = PetitionChannel.OneStopDesk,
        ReceivedOn = new DateOnly(2026, 2, 20), Field = PetitionField.Other, Text = text, Phone = "0905123456",
        IdCardNumber = "049012345678", Address = "Thôn Vĩnh Tuy, xã Phổ Châu", Consent = true,
    };

    public static async Task<Petition> PetitionAsync(CoreTestHost host, int dialogueId, string name = "Nguyễn Văn An", int? villageId = null, string? text = null) =>
        await host.Get<PetitionService>().CreateAsync(CoreTestHost.Secretary, text is null ? Input(dialogueId, name, villageId) : Input(dialogueId, name, villageId, text));

    public static async Task<int> DepartmentIdAsync(CoreTestHost host, string name = "Địa chính - Nông nghiệp - Xây dựng và Môi trường") =>
        (await host.Get<DepartmentService>().ListAsync()).Single(d => d.Name == name).Id;

    public static async Task<Petition> ReloadAsync(CoreTestHost host, int id)
    {
        await using var db = host.NewDb();
        return await db.Petitions.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    /// <summary>A petition as a portal's services read it now (a portal test has no <see cref="CoreTestHost"/>).</summary>
    public static async Task<Petition> ReloadFromAsync(IServiceProvider services, int id)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PhoChau.Core.Persistence.PhoChauDbContext>>().CreateDbContextAsync();
        return await db.Petitions.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public static Actor OfficerOf(int departmentId) => CoreTestHost.Officer(departmentId);
}
