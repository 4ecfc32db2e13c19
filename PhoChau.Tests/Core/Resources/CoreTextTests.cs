using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Core.Petitions;

namespace PhoChau.Tests.Core.Resources;

/// <summary>The Core services' messages come from CoreText.resx (Vietnamese) and CoreText.en-US.resx (English).</summary>
public sealed partial class CoreTextTests
{
    private static string CoreFolder => Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Core");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(CoreFolder, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static IEnumerable<string> CoreSources() =>
        Directory.EnumerateFiles(CoreFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"));

    [Fact]
    public void Every_key_the_code_uses_has_a_Vietnamese_and_an_English_text_with_the_same_placeholders()
    {
        var vi = Load("CoreText.resx");
        var en = Load("CoreText.en-US.resx");
        var used = CoreSources().SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        used.UnionWith(Enum.GetValues<PetitionState>().Select(s => "PetitionState." + s));
        used.UnionWith(Enum.GetValues<DialogueState>().Select(s => "DialogueState." + s));

        Assert.True(used.Count > 200, $"only {used.Count} keys found: the scan is broken");
        Assert.Empty(used.Except(vi.Keys));
        Assert.Empty(used.Except(en.Keys));
        Assert.Equal(vi.Keys.Order(), en.Keys.Order());
        foreach (var key in vi.Keys)
            Assert.True(Holes(vi[key]).SetEquals(Holes(en[key])), $"{key}: {vi[key]} | {en[key]}");
    }

    [Fact]
    public void No_refusal_in_Core_is_a_Vietnamese_literal()
    {
        var offenders = CoreSources()
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i + 1, line)))
            .Where(x => LiteralRefusal().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.Item2}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public async Task The_English_UI_gets_English_refusals_and_the_Vietnamese_UI_Vietnamese_ones()
    {
        await using var host = await CoreTestHost.StartAsync();
        var petitions = host.Get<PetitionService>();
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var en = await Assert.ThrowsAsync<NotFoundException>(() => petitions.GetAsync(CoreTestHost.Secretary, 424242));
            Assert.Equal("Petition not found.", en.Message);
            var invalid = await Assert.ThrowsAsync<DomainException>(() => petitions.CreateAsync(CoreTestHost.Secretary, new PetitionInput()));
            Assert.Contains("No dialogue is chosen.", invalid.Message);
            Assert.Equal("Answer drafted", PetitionStateMachine.StateName(PetitionState.AnswerDrafted));
            Assert.Equal("Đã có dự thảo trả lời", PetitionStateMachine.DocumentStateName(PetitionState.AnswerDrafted));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            var vi = await Assert.ThrowsAsync<NotFoundException>(() => petitions.GetAsync(CoreTestHost.Secretary, 424242));
            Assert.Equal("Không tìm thấy kiến nghị.", vi.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private static HashSet<string> Holes(string text) => HolePattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"CoreText\.(?:Get|Format)\((?:[A-Za-z.]+,\s*)?""([^""]+)""\s*[,)]")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex HolePattern();

    /// <summary>A literal with a Vietnamese letter passed to an exception or a validation message.</summary>
    [GeneratedRegex(@"(Exception\(|WithMessage\()\$?""[^""]*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ]")]
    private static partial Regex LiteralRefusal();
}
