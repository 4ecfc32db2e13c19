using System.Globalization;
using PhoChau.Core.Auditing;

namespace PhoChau.Tests.Core.Auditing;

public sealed class AuditLabelsTests
{
    private static readonly HashSet<string> NotAudited = ["Id", "Version", "SearchText", "NameSortKey", "PinHash", "QueueChangedAtUtc", "CommuneId"];

    private static HashSet<string> Keys(string file) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Core", "Resources", file)).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Theory]
    [InlineData("CoreText.resx")]
    [InlineData("CoreText.en-US.resx")]
    public async Task Every_audited_record_field_and_value_has_a_name_in_both_languages(string file)
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var db = host.NewDb();
        var keys = Keys(file);
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType)))
        {
            if (!keys.Contains("Audit.Entity." + entity.ClrType.Name)) missing.Add(entity.ClrType.Name);
            foreach (var property in entity.GetProperties().Where(p => !NotAudited.Contains(p.Name)))
            {
                if (!keys.Contains("Audit.Field." + property.Name)) missing.Add($"{entity.ClrType.Name}.{property.Name}");
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                var prefix = type == typeof(PhoChau.Core.Petitions.PetitionState) ? "PetitionState." : type == typeof(PhoChau.Core.Dialogues.DialogueState) ? "DialogueState." : $"Audit.Value.{type.Name}.";
                if (type == typeof(bool)) prefix = "Audit.Value.Bool.";
                if (type.IsEnum || type == typeof(bool))
                    foreach (var value in type == typeof(bool) ? ["True", "False"] : Enum.GetNames(type))
                        if (!keys.Contains(prefix + value)) missing.Add(prefix + value);
            }
        }
        Assert.True(missing.Count == 0, file + ": " + string.Join(", ", missing));
    }

    [Fact]
    public void Values_read_as_staff_read_them()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        try
        {
            Assert.Equal("Kiến nghị số 31", AuditLabels.Record("Petition", "31"));
            Assert.Equal("Thời điểm cấp mã PIN", AuditLabels.Field("PinIssuedAtUtc"));
            Assert.Equal("Đã giao bộ phận", AuditLabels.Value("Petition", "State", "Assigned"));
            Assert.Equal("Đang đối thoại", AuditLabels.Value("Dialogue", "State", "InSession"));
            Assert.Equal("Có", AuditLabels.Value("Village", "IsActive", "True"));
            Assert.Equal("02/03/2026 09:05:00", AuditLabels.Value("Petition", "PinIssuedAtUtc", "02/03/2026 02:05:00")); // UTC+7
            Assert.Equal("Nguyễn Văn An", AuditLabels.Value("Petition", "PetitionerName", "Nguyễn Văn An"));
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
