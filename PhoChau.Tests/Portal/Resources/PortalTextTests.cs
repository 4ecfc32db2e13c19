using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PhoChau.Tests.Portal.Resources;

/// <summary>
/// The Portal's screens take their words from resource files per feature (SharedResource, PetitionsText, …), each in
/// Vietnamese and English: every literal key a component or page asks a localizer for exists in both, with the same
/// placeholders, and both files hold the same keys.
/// </summary>
public sealed partial class PortalTextTests
{
    private static string PortalFolder => Path.Combine(PortalProcess.RepositoryRoot(), "PhoChau.Portal");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(PortalFolder, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void Every_key_a_screen_uses_exists_in_Vietnamese_and_English_with_the_same_placeholders()
    {
        var sources = Directory.EnumerateFiles(PortalFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/"))
            .ToList();
        var problems = new List<string>();
        var checkedKeys = 0;
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            // Which localizer each name stands for in this file; the pages' base class gives every page L (SharedResource).
            var localizers = Localizer().Matches(text).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
            if (text.Contains("@inherits PortalComponentBase") || text.Contains(": PortalComponentBase")) localizers.TryAdd("L", "SharedResource");
            foreach (var (name, resource) in localizers)
            {
                if (resource == "MudBlazorText") continue; // MudBlazor's own keys, checked by MudBlazorTextTests
                var vi = Load(resource + ".resx");
                var en = Load(resource + ".en-US.resx");
                foreach (Match use in new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\[""([^""]+)""\]").Matches(text))
                {
                    var key = use.Groups[1].Value;
                    checkedKeys++;
                    if (!vi.ContainsKey(key)) problems.Add($"{Path.GetFileName(file)}: {resource}.resx has no \"{key}\"");
                    if (!en.ContainsKey(key)) problems.Add($"{Path.GetFileName(file)}: {resource}.en-US.resx has no \"{key}\"");
                }
            }
        }
        Assert.True(checkedKeys > 300, $"only {checkedKeys} uses found: the scan is broken");
        Assert.Empty(problems);
    }

    [Fact]
    public void Each_resource_file_has_its_English_twin_with_the_same_keys_and_placeholders()
    {
        var files = Directory.EnumerateFiles(Path.Combine(PortalFolder, "Resources"), "*.resx")
            .Select(Path.GetFileName).Where(f => !f!.Contains(".en-US.") && f != "MudBlazorText.resx").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var vi = Load(file!);
            var en = Load(file!.Replace(".resx", ".en-US.resx"));
            Assert.True(vi.Keys.Order().SequenceEqual(en.Keys.Order()),
                $"{file}: only in Vietnamese: {string.Join(", ", vi.Keys.Except(en.Keys))}; only in English: {string.Join(", ", en.Keys.Except(vi.Keys))}");
            foreach (var key in vi.Keys)
                Assert.True(Holes(vi[key]).SetEquals(Holes(en[key])), $"{file} {key}: {vi[key]} | {en[key]}");
        }
    }

    private static HashSet<string> Holes(string text) => HolePattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"IStringLocalizer<(\w+)>\??\s+(\w+)")]
    private static partial Regex Localizer();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex HolePattern();
}
